package org.lfenergy.sogno.sdk.async;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.net.URI;
import java.util.Objects;
import org.lfenergy.sogno.sdk.async.internal.AsyncJsonCodecs;

/**
 * A hypermedia link of a job, {@code {"href":"/v1/jobs/…/result"}}. The {@code href} may be relative;
 * resolve it against the URL of the response that carried it ({@link #resolveAgainst(URI)}).
 *
 * <p>Immutable and thread-safe.
 */
@JsonSerialize(using = AsyncJsonCodecs.LinkSerializer.class)
@JsonDeserialize(using = AsyncJsonCodecs.LinkDeserializer.class)
public final class Link {
  private final String href;

  private Link(String href) {
    this.href = href;
  }

  /**
   * @param href an absolute URL or a reference relative to the response that carries the link
   * @throws IllegalArgumentException if {@code href} is null, blank or not a valid URI reference
   */
  public static Link of(String href) {
    if (href == null || href.isBlank()) {
      throw new IllegalArgumentException("A link href must not be null or blank");
    }
    if (!isPlainPath(href)) {
      URI.create(href); // fails fast with IllegalArgumentException on a malformed reference
    }
    return new Link(href);
  }

  /** Paths like {@code /v1/jobs/<uuid>/result} are valid references; skip the parser for them. */
  private static boolean isPlainPath(String href) {
    for (int i = 0; i < href.length(); i++) {
      char c = href.charAt(i);
      boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' || c == '-'
          || c == '.' || c == '_' || c == '~';
      if (!plain) {
        return false;
      }
    }
    return true;
  }

  /** The reference as written on the wire. */
  public String href() {
    return href;
  }

  /**
   * The absolute URL of this link (RFC 3986 resolution).
   *
   * @param base the URL of the response that carried the link
   */
  public URI resolveAgainst(URI base) {
    return base.resolve(href);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Link && ((Link) other).href.equals(href);
  }

  @Override
  public int hashCode() {
    return Objects.hash(href);
  }

  @Override
  public String toString() {
    return href;
  }
}
