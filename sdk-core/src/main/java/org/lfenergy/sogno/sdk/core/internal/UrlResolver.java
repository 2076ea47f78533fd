package org.lfenergy.sogno.sdk.core.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.HttpUrl;
import org.lfenergy.sogno.sdk.core.ApiRequest;

/** Builds the URL of an {@link ApiRequest} from the client's base URL. */
public final class UrlResolver {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final HttpUrl base;
  private final String basePath;
  private final boolean baseEndsWithSlash;

  public UrlResolver(HttpUrl base) {
    this.base = base;
    String path = base.encodedPath();
    this.baseEndsWithSlash = path.endsWith("/");
    this.basePath = baseEndsWithSlash ? path.substring(0, path.length() - 1) : path;
  }

  /**
   * @throws IllegalArgumentException when a placeholder has no value, a value has no placeholder, or
   *     the URI is not an http(s) URL
   */
  public HttpUrl resolve(ApiRequest request) {
    HttpUrl.Builder url;
    if (request.pathTemplate().isPresent()) {
      url = base.newBuilder();
      if (baseEndsWithSlash) {
        url.removePathSegment(base.pathSize() - 1); // the empty segment after the base path's last slash
      }
      appendTemplate(url, request.pathTemplate().get(), request.pathParams());
    } else {
      URI uri = request.uri().orElseThrow();
      URI absolute = uri.isAbsolute() ? uri : URI.create(base.newBuilder().encodedPath(basePath + "/").query(null)
          .build().toString()).resolve(uri);
      HttpUrl parsed = HttpUrl.parse(absolute.toString());
      if (parsed == null) {
        throw new IllegalArgumentException("Not an http or https URL: " + uri);
      }
      url = parsed.newBuilder();
    }
    List<Map.Entry<String, String>> query = request.queryParams();
    for (int i = 0; i < query.size(); i++) { // by index: no iterator or lambda for the usual empty list
      url.addQueryParameter(query.get(i).getKey(), query.get(i).getValue());
    }
    return url.build();
  }

  /**
   * Appends the template's segments, each placeholder filled with its value encoded as exactly one
   * segment. Segment by segment onto the builder: cheaper than building the path as text and letting
   * the builder parse it again.
   */
  private static void appendTemplate(HttpUrl.Builder url, String template, Map<String, String> params) {
    if (template.indexOf('?') >= 0 || template.indexOf('#') >= 0) {
      throw new IllegalArgumentException("A path template has no query or fragment; use queryParam: " + template);
    }
    int start = template.startsWith("/") ? 1 : 0;
    while (true) {
      int slash = template.indexOf('/', start);
      int end = slash < 0 ? template.length() : slash;
      int open = template.indexOf('{', start);
      url.addEncodedPathSegment(open < 0 || open >= end
          ? template.substring(start, end)
          : expandSegment(template, start, end, params));
      if (slash < 0) {
        break;
      }
      start = slash + 1;
    }
    // Every placeholder found its value above, so a lone parameter of a template with placeholders is
    // used: only other cases walk the names (the map's key set and iterator are made per call).
    if (params.isEmpty() || (params.size() == 1 && template.indexOf('{') >= 0)) {
      return;
    }
    for (String name : params.keySet()) {
      if (!hasPlaceholder(template, name)) {
        Set<String> unused = new TreeSet<>(params.keySet());
        unused.removeIf(candidate -> hasPlaceholder(template, candidate));
        throw new IllegalArgumentException("Path parameters " + unused + " are not in template " + template);
      }
    }
  }

  /** The segment {@code template[start, end)} with its placeholders filled. */
  private static String expandSegment(String template, int start, int end, Map<String, String> params) {
    if (template.charAt(start) == '{' && template.indexOf('}', start) == end - 1) {
      return encodeSegment(value(template, start, end - 1, params)); // the usual one-placeholder segment
    }
    StringBuilder segment = new StringBuilder();
    int at = start;
    while (at < end) {
      int open = template.indexOf('{', at);
      if (open < 0 || open >= end) {
        segment.append(template, at, end);
        break;
      }
      int close = template.indexOf('}', open);
      if (close < 0 || close >= end) {
        throw new IllegalArgumentException("Unclosed '{' in path template " + template);
      }
      segment.append(template, at, open).append(encodeSegment(value(template, open, close, params)));
      at = close + 1;
    }
    return segment.toString();
  }

  /** The value of the placeholder {@code template[open, close]}, checked. */
  private static String value(String template, int open, int close, Map<String, String> params) {
    String name = template.substring(open + 1, close);
    String value = params.get(name);
    if (value == null) {
      throw new IllegalArgumentException("No value for path parameter '" + name + "' of " + template);
    }
    if (value.equals(".") || value.equals("..")) {
      // URL parsers remove dot-segments even percent-encoded, which would change the target path.
      throw new IllegalArgumentException("Path parameter '" + name + "' cannot be '" + value + "'");
    }
    return value;
  }

  /** Whether {@code template} contains {@code {name}}, found without building that string. */
  private static boolean hasPlaceholder(String template, String name) {
    for (int at = template.indexOf(name); at >= 0; at = template.indexOf(name, at + 1)) {
      int end = at + name.length();
      if (at > 0 && template.charAt(at - 1) == '{' && end < template.length() && template.charAt(end) == '}') {
        return true;
      }
    }
    return false;
  }

  /**
   * Percent-encodes everything but RFC 3986 unreserved characters, so a value is exactly one segment.
   * A value of unreserved characters only (most ids) is returned as it is.
   */
  static String encodeSegment(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (!isUnreserved(value.charAt(i))) {
        return percentEncoded(value);
      }
    }
    return value;
  }

  private static String percentEncoded(String value) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if (isUnreserved(c)) {
        encoded.append(c);
      } else {
        encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    return encoded.toString();
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0;
  }
}
