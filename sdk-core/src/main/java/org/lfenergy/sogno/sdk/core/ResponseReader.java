package org.lfenergy.sogno.sdk.core;

import java.nio.charset.StandardCharsets;

/**
 * Turns a successful (2xx) response body into a value. Generated clients write one that switches on
 * {@link ResponseInfo#status()} when an operation answers with different types (200 result vs 202
 * job). Readers run on the thread that completes the call and must be thread-safe.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface ResponseReader<T> {
  /**
   * @param info status and headers of the response
   * @param body the complete body, empty (never {@code null}) when there is none
   * @param json the client's JSON configuration
   * @return the value, may be {@code null}
   * @throws JsonException when the body is not what the reader expects
   */
  T read(ResponseInfo info, byte[] body, SognoJson json);

  /** Reads the body as JSON of {@code type}; an empty body gives {@code null}. */
  static <T> ResponseReader<T> json(Class<T> type) {
    return (info, body, json) -> body.length == 0 ? null : json.read(body, type);
  }

  /** Reads the body as JSON of the generic type captured by {@code type}; an empty body gives {@code null}. */
  static <T> ResponseReader<T> json(TypeRef<T> type) {
    return (info, body, json) -> body.length == 0 ? null : json.read(body, type);
  }

  /** Ignores the body; the value is {@code null}. */
  static ResponseReader<Void> discarding() {
    return (info, body, json) -> null;
  }

  /** The body's bytes. */
  static ResponseReader<byte[]> bytes() {
    return (info, body, json) -> body;
  }

  /** The body as UTF-8 text. */
  static ResponseReader<String> string() {
    return (info, body, json) -> new String(body, StandardCharsets.UTF_8);
  }
}
