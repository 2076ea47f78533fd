package org.lfenergy.sogno.sdk.conformance.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A request and what came back: the status ({@code 0} when no HTTP answer came, then
 * {@link #failure()} says why), the headers (names case-insensitive) and the body.
 */
public record Exchange(Probe probe, int status, Map<String, List<String>> headers, byte[] body, String failure) {

  public Exchange {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> copy.merge(name, List.copyOf(values),
        (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList()));
    headers = java.util.Collections.unmodifiableMap(copy);
  }

  /** An exchange that got no HTTP answer. */
  public static Exchange failed(Probe probe, String failure) {
    return new Exchange(probe, 0, Map.of(), new byte[0], failure);
  }

  /** Tells whether an HTTP answer came. */
  public boolean answered() {
    return status > 0;
  }

  /** Every value of header {@code name}. */
  public List<String> headers(String name) {
    return headers.getOrDefault(name, List.of());
  }

  /** The first value of header {@code name}. */
  public Optional<String> header(String name) {
    return headers(name).stream().findFirst();
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The status and, when it has one, the content type, as findings quote them. */
  public String summary() {
    if (!answered()) {
      return "no HTTP answer (" + failure + ")";
    }
    return status + header("Content-Type").map(t -> " " + t).orElse("");
  }
}
