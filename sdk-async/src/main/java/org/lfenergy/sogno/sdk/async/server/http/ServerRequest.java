package org.lfenergy.sogno.sdk.async.server.http;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as {@link JobEndpoints} needs it, independent of any server framework: method, raw
 * path and query, headers (case-insensitive), the authenticated principal's name, the body and the
 * address of the peer that sent it (for trusted-proxy decisions). Adapters fill it from their
 * framework's request; {@link JdkHttpServerAdapter} does so for {@code com.sun.net.httpserver}.
 *
 * <p>Immutable and thread-safe (the body is copied in and out).
 */
public final class ServerRequest {
  private final String method;
  private final String path;
  private final String query;
  private final Map<String, List<String>> headers;
  private final String principal;
  private final byte[] body;
  private final InetAddress remoteAddress;

  private ServerRequest(Builder b) {
    this.method = b.method;
    this.path = b.path;
    this.query = b.query;
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    b.headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.headers = Collections.unmodifiableMap(copy);
    this.principal = b.principal;
    this.body = b.body.clone();
    this.remoteAddress = b.remoteAddress;
  }

  /**
   * @param method e.g. {@code "POST"} (stored upper case)
   * @param path the raw (still percent-encoded) path, starting with '/', without the query
   */
  public static Builder builder(String method, String path) {
    return new Builder(method, path);
  }

  public String method() {
    return method;
  }

  /** The raw path, without the query. */
  public String path() {
    return path;
  }

  /** The raw query string without '?', if any. */
  public Optional<String> query() {
    return Optional.ofNullable(query);
  }

  /** All headers; names compare case-insensitively. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of header {@code name}. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Every value of header {@code name}, in order; empty if absent. */
  public List<String> headerValues(String name) {
    return headers.getOrDefault(name, List.of());
  }

  /** The authenticated principal's name, if the request was authenticated. */
  public Optional<String> principal() {
    return Optional.ofNullable(principal);
  }

  /** A copy of the body; empty when there is none. */
  public byte[] body() {
    return body.clone();
  }

  /** The address of the peer (the proxy, when there is one), if known. */
  public Optional<InetAddress> remoteAddress() {
    return Optional.ofNullable(remoteAddress);
  }

  @Override
  public String toString() {
    return method + " " + path;
  }

  /** Builds a {@link ServerRequest}; not thread-safe. */
  public static final class Builder {
    private final String method;
    private final String path;
    private String query;
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private String principal;
    private byte[] body = new byte[0];
    private InetAddress remoteAddress;

    private Builder(String method, String path) {
      if (method == null || method.isBlank()) {
        throw new IllegalArgumentException("A request needs a method");
      }
      if (path == null || !path.startsWith("/")) {
        throw new IllegalArgumentException("A request path must start with '/', was " + path);
      }
      this.method = method.toUpperCase(java.util.Locale.ROOT);
      this.path = path;
    }

    /** @param query the raw query without '?', or null */
    public Builder query(String query) {
      this.query = query == null || query.isEmpty() ? null : query;
      return this;
    }

    /** Adds one header value. */
    public Builder header(String name, String value) {
      headers.computeIfAbsent(Objects.requireNonNull(name, "name"), n -> new ArrayList<>())
          .add(Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Adds all values of all {@code headers}. */
    public Builder headers(Map<String, List<String>> headers) {
      headers.forEach((name, values) -> values.forEach(value -> header(name, value)));
      return this;
    }

    /** @param principal the authenticated principal's name, or null for anonymous */
    public Builder principal(String principal) {
      this.principal = principal;
      return this;
    }

    public Builder body(byte[] body) {
      this.body = body == null ? new byte[0] : body;
      return this;
    }

    public Builder remoteAddress(InetAddress remoteAddress) {
      this.remoteAddress = remoteAddress;
      return this;
    }

    public ServerRequest build() {
      return new ServerRequest(this);
    }
  }
}
