package org.lfenergy.sogno.sdk.server;

import java.io.InputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A request as an adapter hands it to {@link SognoServer#serve}: method, raw path and query,
 * headers, the peer's address and the body as a stream that the runtime reads (bounded by {@link
 * ServerConfig#maxRequestBytes()}, never past it). Adapters are the only users.
 *
 * <p>Immutable apart from the body stream, which the runtime reads once.
 */
public final class IncomingRequest {
  private final String method;
  private final String rawPath;
  private final String rawQuery;
  private final Map<String, List<String>> headers;
  private final InetAddress remoteAddress;
  private final String principal;
  private final InputStream body;
  private final long contentLength;

  private IncomingRequest(Builder b) {
    this.method = b.method;
    this.rawPath = b.rawPath;
    this.rawQuery = b.rawQuery;
    // The builder's map is taken over, its value lists made immutable; the builder copies it before
    // any further change (see Builder#header), so this request's headers never change.
    b.headers.replaceAll((name, values) -> List.copyOf(values));
    this.headers = Collections.unmodifiableMap(b.headers);
    this.remoteAddress = b.remoteAddress;
    this.principal = b.principal;
    this.body = b.body;
    this.contentLength = b.contentLength;
  }

  /**
   * @param method the HTTP method (stored upper case)
   * @param rawPath the path as sent, still percent-encoded, starting with '/'
   * @throws IllegalArgumentException for a blank method or a path not starting with '/'
   */
  public static Builder builder(String method, String rawPath) {
    return new Builder(method, rawPath);
  }

  public String method() {
    return method;
  }

  public String rawPath() {
    return rawPath;
  }

  public Optional<String> rawQuery() {
    return Optional.ofNullable(rawQuery);
  }

  /** Headers, names case-insensitive. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of header {@code name}. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  public Optional<InetAddress> remoteAddress() {
    return Optional.ofNullable(remoteAddress);
  }

  public Optional<String> principal() {
    return Optional.ofNullable(principal);
  }

  /** The body stream (empty stream when there is none). */
  public InputStream body() {
    return body;
  }

  /** The declared {@code Content-Length}, when the adapter knows it. */
  public OptionalLong contentLength() {
    return contentLength < 0 ? OptionalLong.empty() : OptionalLong.of(contentLength);
  }

  /** Builds an {@link IncomingRequest}; not thread-safe. */
  public static final class Builder {
    private final String method;
    private final String rawPath;
    private String rawQuery;
    private TreeMap<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    /** Whether a built request holds {@link #headers}: then the next change works on a copy. */
    private boolean headersTaken;
    private InetAddress remoteAddress;
    private String principal;
    private InputStream body = InputStream.nullInputStream();
    private long contentLength = -1;

    private Builder(String method, String rawPath) {
      if (method == null || method.isBlank()) {
        throw new IllegalArgumentException("method must not be blank");
      }
      if (rawPath == null || !rawPath.startsWith("/")) {
        throw new IllegalArgumentException("rawPath must start with '/', was " + rawPath);
      }
      this.method = method.toUpperCase(Locale.ROOT);
      this.rawPath = rawPath;
    }

    public Builder rawQuery(String rawQuery) {
      this.rawQuery = rawQuery == null || rawQuery.isEmpty() ? null : rawQuery;
      return this;
    }

    /** Adds one header value. */
    public Builder header(String name, String value) {
      if (headersTaken) {
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((n, values) -> copy.put(n, new ArrayList<>(values)));
        headers = copy;
        headersTaken = false;
      }
      headers.computeIfAbsent(Objects.requireNonNull(name, "name"), n -> new ArrayList<>())
          .add(Objects.requireNonNull(value, "value"));
      return this;
    }

    public Builder remoteAddress(InetAddress remoteAddress) {
      this.remoteAddress = remoteAddress;
      return this;
    }

    /** @param principal the authenticated principal's name, or null */
    public Builder principal(String principal) {
      this.principal = principal;
      return this;
    }

    /**
     * @param body the body stream, read by the runtime
     * @param contentLength the declared length, or -1 when unknown (chunked)
     */
    public Builder body(InputStream body, long contentLength) {
      this.body = Objects.requireNonNull(body, "body");
      this.contentLength = contentLength;
      return this;
    }

    public IncomingRequest build() {
      IncomingRequest request = new IncomingRequest(this);
      headersTaken = true;
      return request;
    }
  }
}
