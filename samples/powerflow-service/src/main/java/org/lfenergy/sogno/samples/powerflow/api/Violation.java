package org.lfenergy.sogno.samples.powerflow.api;

import java.util.Objects;

/**
 * One thing wrong with a request.
 *
 * @param pointer RFC 6901 JSON pointer to the offending member of the request body, in URI fragment
 *     form as the API guidelines have it ({@code #/grid/buses/3/type}; {@code #} for the whole body)
 * @param code stable, kebab-case reason a client can switch on (for example {@code required},
 *     {@code not-finite}, {@code unknown-bus})
 * @param detail a sentence for people
 */
public record Violation(String pointer, String code, String detail) {
  public Violation {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(detail, "detail");
  }
}
