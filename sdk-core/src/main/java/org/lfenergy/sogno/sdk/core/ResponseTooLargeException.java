package org.lfenergy.sogno.sdk.core;

import org.lfenergy.sogno.sdk.core.internal.Redaction;

/**
 * A successful response's body was longer than the client's {@link SognoClient.Builder#maxResponseBytes
 * limit}. Noticed while reading (or from {@code Content-Length} before reading): no more than the limit
 * plus one 8 KiB read was buffered, and the connection was dropped rather than drained. Large bodies
 * are for {@link SognoClient#download}, which streams them without a limit. Not retried.
 */
public final class ResponseTooLargeException extends SognoException {
  private static final long serialVersionUID = 1L;

  private final transient ResponseInfo response;
  private final long maxBytes;

  /**
   * @param response status, headers and request of the call
   * @param maxBytes the limit that was exceeded
   */
  public ResponseTooLargeException(ResponseInfo response, long maxBytes) {
    super("HTTP " + response.status() + " from " + response.method() + " " + Redaction.forMessage(response.uri())
        + ": body longer than the limit of " + maxBytes + " bytes; read large bodies with SognoClient.download"
        + (response.requestId() == null ? "" : " (request id " + response.requestId() + ")"), null,
        response.requestId());
    this.response = response;
    this.maxBytes = maxBytes;
  }

  /** Status, headers and request of the call whose body was too large. */
  public ResponseInfo response() {
    return response;
  }

  /** The limit that was exceeded, in bytes. */
  public long maxBytes() {
    return maxBytes;
  }
}
