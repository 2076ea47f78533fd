package org.lfenergy.sogno.sdk.async.server.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer {@link JobEndpoints} computed: status, headers and body, for an adapter to write with its
 * framework. Immutable and thread-safe.
 */
public final class ServerResponse {
  private final int status;
  private final Map<String, List<String>> headers;
  private final byte[] body;

  private ServerResponse(Builder b) {
    this.status = b.status;
    Map<String, List<String>> copy = new LinkedHashMap<>();
    b.headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.headers = Collections.unmodifiableMap(copy);
    this.body = b.body;
  }

  /** @param status the HTTP status */
  public static Builder builder(int status) {
    return new Builder(status);
  }

  /** A builder pre-filled with this response. */
  public Builder toBuilder() {
    Builder copy = new Builder(status);
    headers.forEach((name, values) -> values.forEach(value -> copy.header(name, value)));
    copy.body = body;
    return copy;
  }

  public int status() {
    return status;
  }

  /** Headers in the order they were set; names as written. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of header {@code name}, compared case-insensitively. */
  public Optional<String> header(String name) {
    return headers.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty())
        .map(entry -> entry.getValue().get(0))
        .findFirst();
  }

  /** A copy of the body; empty when there is none. */
  public byte[] body() {
    return body.clone();
  }

  /** The body length in bytes. */
  public int bodyLength() {
    return body.length;
  }

  @Override
  public String toString() {
    return "ServerResponse{" + status + ", " + headers + '}';
  }

  /** Builds a {@link ServerResponse}; not thread-safe. */
  public static final class Builder {
    private final int status;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private byte[] body = new byte[0];

    private Builder(int status) {
      if (status < 100 || status > 599) {
        throw new IllegalArgumentException("Not an HTTP status: " + status);
      }
      this.status = status;
    }

    /** Adds one header value. */
    public Builder header(String name, String value) {
      headers.computeIfAbsent(Objects.requireNonNull(name, "name"), n -> new ArrayList<>())
          .add(Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Sets header {@code name} to this one value, removing any values it had (names compare case-insensitively). */
    public Builder setHeader(String name, String value) {
      Objects.requireNonNull(name, "name");
      headers.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
      return header(name, value);
    }

    /**
     * @param body the bytes (not copied: hand over ownership)
     * @param contentType the media type of {@code body}
     */
    public Builder body(byte[] body, String contentType) {
      this.body = Objects.requireNonNull(body, "body");
      return header("Content-Type", Objects.requireNonNull(contentType, "contentType"));
    }

    public ServerResponse build() {
      return new ServerResponse(this);
    }
  }
}
