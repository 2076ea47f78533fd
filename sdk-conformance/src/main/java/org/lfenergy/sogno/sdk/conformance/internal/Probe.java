package org.lfenergy.sogno.sdk.conformance.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request the checker sends, immutable, with its {@code curl} form. The {@code Authorization}
 * header's credentials never appear in {@link #curl()}: it reads the token from {@code $SOGNO_TOKEN}.
 *
 * @param headers in sending order; a name may repeat
 * @param body the bytes sent, or null for none
 */
public record Probe(String method, URI uri, List<Map.Entry<String, String>> headers, byte[] body) {

  /** The header's name the checker's own credentials travel in. */
  public static final String AUTHORIZATION = "Authorization";

  public Probe {
    headers = List.copyOf(headers);
  }

  /** A probe without headers or body. */
  public static Probe of(String method, URI uri) {
    return new Probe(method, uri, List.of(), null);
  }

  /** A copy with {@code name: value} added (after any header of that name). */
  public Probe withHeader(String name, String value) {
    List<Map.Entry<String, String>> copy = new ArrayList<>(headers);
    copy.add(Map.entry(name, value));
    return new Probe(method, uri, copy, body);
  }

  /** A copy without any header named {@code name} (case-insensitive). */
  public Probe withoutHeader(String name) {
    return new Probe(method, uri, headers.stream().filter(h -> !h.getKey().equalsIgnoreCase(name)).toList(), body);
  }

  /** A copy with another method. */
  public Probe withMethod(String otherMethod) {
    return new Probe(otherMethod, uri, headers, body);
  }

  /** A copy with this body and {@code Content-Type} (replacing any). */
  public Probe withBody(byte[] bytes, String contentType) {
    Probe copy = new Probe(method, uri, headers, bytes).withoutHeader("Content-Type");
    return contentType == null ? copy : copy.withHeader("Content-Type", contentType);
  }

  /** The first value of header {@code name}. */
  public Optional<String> header(String name) {
    return headers.stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst();
  }

  /** The body as text (the checker sends UTF-8 text only). */
  public String bodyText() {
    return body == null ? "" : new String(body, StandardCharsets.UTF_8);
  }

  /** The request as a {@code curl} command line for a POSIX shell, credentials replaced by {@code $SOGNO_TOKEN}. */
  public String curl() {
    StringBuilder line = new StringBuilder("curl -sS -i -X ").append(method).append(' ').append(quote(uri.toString()));
    for (Map.Entry<String, String> header : headers) {
      if (header.getKey().equalsIgnoreCase(AUTHORIZATION)) {
        String scheme = header.getValue().split(" ", 2)[0];
        line.append(" -H \"").append(header.getKey()).append(": ").append(scheme).append(" $SOGNO_TOKEN\"");
      } else {
        line.append(" -H ").append(quote(header.getKey() + ": " + header.getValue()));
      }
    }
    if (body != null) {
      line.append(" --data-binary ").append(quote(bodyText()));
    }
    return line.toString();
  }

  /** {@code METHOD /path} of the request. */
  public String describe() {
    return method.toUpperCase(Locale.ROOT) + " " + uri.getRawPath();
  }

  private static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Probe p && method.equals(p.method) && uri.equals(p.uri) && headers.equals(p.headers)
        && java.util.Arrays.equals(body, p.body);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(method, uri, headers, java.util.Arrays.hashCode(body));
  }

  @Override
  public String toString() {
    return curl();
  }
}
