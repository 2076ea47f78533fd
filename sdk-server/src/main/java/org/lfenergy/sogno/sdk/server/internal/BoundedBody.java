package org.lfenergy.sogno.sdk.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.lfenergy.sogno.sdk.server.IncomingRequest;

/**
 * Reads a request body up to a limit and never buffers past it: a declared {@code Content-Length}
 * far above the limit is refused before a byte is read; one at most {@link #DRAIN_ALLOWANCE} over it
 * is read into a small buffer and discarded, so the client surely gets the answer and the connection
 * stays usable; otherwise at most {@code limit + 1} bytes are read, so a body without a length
 * (chunked) is refused as soon as it passes the limit.
 */
final class BoundedBody {
  /** How far over the limit a declared body may be and still be drained rather than cut off. */
  static final int DRAIN_ALLOWANCE = 64 * 1024;

  private BoundedBody() {}

  /**
   * For a declared length over the limit: reads and discards the body when it is at most {@link
   * #DRAIN_ALLOWANCE} over; true if it was, false when the connection must be closed instead.
   */
  static boolean drainSmallExcess(IncomingRequest request, int limit) {
    long declared = request.contentLength().orElse(Long.MAX_VALUE);
    if (declared - limit > DRAIN_ALLOWANCE) {
      return false;
    }
    try {
      return request.body().transferTo(java.io.OutputStream.nullOutputStream()) == declared;
    } catch (IOException e) {
      return false;
    }
  }

  /** True when the declared length alone is over {@code limit}. */
  static boolean declaredTooLarge(IncomingRequest request, int limit) {
    return request.contentLength().isPresent() && request.contentLength().getAsLong() > limit;
  }

  /** The body, or empty when it is longer than {@code limit}. */
  static Optional<byte[]> read(IncomingRequest request, int limit) throws IOException {
    InputStream in = request.body();
    byte[] body = in.readNBytes(limit + 1);
    return body.length > limit ? Optional.empty() : Optional.of(body);
  }
}
