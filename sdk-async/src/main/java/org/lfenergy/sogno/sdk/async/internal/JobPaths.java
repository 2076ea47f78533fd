package org.lfenergy.sogno.sdk.async.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Job ids in and out of job URLs. Stateless. */
public final class JobPaths {
  private JobPaths() {}

  /** The id of the job at {@code uri}: its path's last segment. */
  public static String lastSegment(URI uri) {
    String path = uri.getPath() == null ? "" : uri.getPath();
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  /**
   * {@code segment} percent-encoded (all but RFC 3986 unreserved characters), so it stays one segment;
   * the rule of sdk-core's path parameters.
   *
   * @throws IllegalArgumentException for {@code "."} and {@code ".."}: URL parsers remove dot-segments
   *     even percent-encoded, so {@code {base}/v1/jobs/..} would be {@code {base}/v1/}, and its cancel a
   *     POST on {@code {base}/v1/cancel}
   */
  public static String segment(String segment) {
    if (segment.equals(".") || segment.equals("..")) {
      throw new IllegalArgumentException("A job id cannot be '" + segment + "' (a dot-segment, not a path segment)");
    }
    StringBuilder encoded = new StringBuilder();
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
        encoded.append(c);
      } else {
        encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    return encoded.toString();
  }
}
