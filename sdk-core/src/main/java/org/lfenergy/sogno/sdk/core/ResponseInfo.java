package org.lfenergy.sogno.sdk.core;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.lfenergy.sogno.sdk.core.internal.Redaction;

/**
 * What is known about an HTTP response before its body is read: status, headers, the request it
 * answers and that request's {@code X-Request-ID}. {@link ResponseReader}s switch on {@link
 * #status()} to pick the body type (for example 200 with a result vs 202 with a job).
 *
 * <p>Immutable and thread-safe. Header names are matched case-insensitively.
 */
public final class ResponseInfo {
  private final int status;
  private final String method;
  private final String requestId;
  // For a response the client received, the map and the URI are made from OkHttp's on first use.
  private final Headers okHttpHeaders;
  private final HttpUrl url;
  private volatile Map<String, List<String>> headers;
  private volatile URI uri;

  private ResponseInfo(Builder builder) {
    this.status = builder.status;
    this.headers = caseInsensitiveCopy(builder.headers);
    this.method = builder.method;
    this.uri = builder.uri;
    this.requestId = builder.requestId;
    this.okHttpHeaders = null;
    this.url = null;
  }

  private ResponseInfo(int status, Headers headers, String method, HttpUrl url, String requestId) {
    this.status = status;
    this.okHttpHeaders = headers;
    this.method = method;
    this.url = url;
    this.requestId = requestId;
  }

  /** The info of a response the client received. */
  static ResponseInfo of(int status, Headers headers, String method, HttpUrl url, String requestId) {
    return new ResponseInfo(status, headers, method, url, requestId);
  }

  /** A builder; {@code status} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /** Every response header; the map's lookups ignore case, its lists are in received order. */
  public Map<String, List<String>> headers() {
    Map<String, List<String>> map = headers;
    if (map == null) {
      map = caseInsensitiveCopy(okHttpHeaders);
      headers = map;
    }
    return map;
  }

  /** The first value of header {@code name} (case-insensitive). */
  public Optional<String> header(String name) {
    if (headers == null) { // the first value, where OkHttp's Headers.get gives the last
      for (int i = 0; i < okHttpHeaders.size(); i++) {
        if (okHttpHeaders.name(i).equalsIgnoreCase(name)) {
          return Optional.of(okHttpHeaders.value(i));
        }
      }
      return Optional.empty();
    }
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The {@code Content-Type} header, if any. */
  public Optional<String> contentType() {
    return header("Content-Type");
  }

  /** The request method, e.g. {@code GET}; may be {@code null} when not known. */
  public String method() {
    return method;
  }

  /** The URI the request was finally sent to (after redirects); may be {@code null} when not known. */
  public URI uri() {
    URI known = uri;
    if (known == null && url != null) {
      known = url.uri();
      uri = known;
    }
    return known;
  }

  /** The {@code X-Request-ID} the request carried, may be {@code null}. */
  public String requestId() {
    return requestId;
  }

  /** A builder pre-filled with this instance's values. */
  public Builder toBuilder() {
    return new Builder().status(status).method(method).uri(uri()).requestId(requestId).headers(headers());
  }

  /** Status, method and URI; the URI without query and with any user info masked, as in exception messages. */
  @Override
  public String toString() {
    return status + " " + method + " " + Redaction.forMessage(uri());
  }

  static Map<String, List<String>> caseInsensitiveCopy(Map<String, List<String>> source) {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    source.forEach((name, values) -> copy.merge(name, List.copyOf(values), (a, b) -> {
      List<String> merged = new ArrayList<>(a);
      merged.addAll(b);
      return List.copyOf(merged);
    }));
    return Collections.unmodifiableMap(copy);
  }

  /** Like OkHttp's {@code Headers.toMultimap()} (names in lower case), in one pass. */
  private static Map<String, List<String>> caseInsensitiveCopy(Headers source) {
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0; i < source.size(); i++) {
      copy.computeIfAbsent(source.name(i).toLowerCase(Locale.US), name -> new ArrayList<>(1)).add(source.value(i));
    }
    copy.replaceAll((name, values) -> List.copyOf(values));
    return Collections.unmodifiableMap(copy);
  }

  /** Builds a {@link ResponseInfo}. Not thread-safe. */
  public static final class Builder {
    private int status;
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private String method;
    private URI uri;
    private String requestId;

    private Builder() {}

    public Builder status(int status) {
      this.status = status;
      return this;
    }

    /** Adds one header value. */
    public Builder header(String name, String value) {
      headers.computeIfAbsent(Objects.requireNonNull(name, "name"), n -> new ArrayList<>())
          .add(Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Replaces all headers. */
    public Builder headers(Map<String, List<String>> headers) {
      this.headers.clear();
      headers.forEach((name, values) -> values.forEach(value -> header(name, value)));
      return this;
    }

    public Builder method(String method) {
      this.method = method;
      return this;
    }

    public Builder uri(URI uri) {
      this.uri = uri;
      return this;
    }

    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    /** @throws IllegalStateException when no valid status was set */
    public ResponseInfo build() {
      if (status < 100 || status > 999) {
        throw new IllegalStateException("ResponseInfo needs a three-digit HTTP status, got " + status);
      }
      return new ResponseInfo(this);
    }
  }
}
