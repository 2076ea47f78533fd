package org.lfenergy.sogno.sdk.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
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
  /** The body of a request without one (shared: an empty array cannot change). */
  private static final byte[] NONE = new byte[0];

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

  /**
   * The body, or empty when it is longer than {@code limit}. Allocates no buffer for a request
   * without a body (one byte is probed first) and reads a declared length into an array of that
   * size; only a body of unknown length (or one running past its declared length) is read in
   * chunks, and never more than {@code limit + 1} bytes.
   */
  static Optional<byte[]> read(IncomingRequest request, int limit) throws IOException {
    InputStream in = request.body();
    int first = in.read();
    if (first < 0) {
      return Optional.of(NONE);
    }
    long declared = request.contentLength().orElse(-1);
    byte[] head;
    if (declared > 0 && declared <= limit) {
      head = new byte[(int) declared];
      head[0] = (byte) first;
      int read = 1 + in.readNBytes(head, 1, head.length - 1);
      if (read < head.length) {
        return Optional.of(Arrays.copyOf(head, read));
      }
      int next = in.read();
      if (next < 0) {
        return Optional.of(head);
      }
      head = Arrays.copyOf(head, head.length + 1);
      head[head.length - 1] = (byte) next;
    } else {
      head = new byte[] {(byte) first};
    }
    if (head.length > limit) {
      return Optional.empty();
    }
    byte[] rest = in.readNBytes(limit + 1 - head.length);
    if (head.length + rest.length > limit) {
      return Optional.empty();
    }
    byte[] body = Arrays.copyOf(head, head.length + rest.length);
    System.arraycopy(rest, 0, body, head.length, rest.length);
    return Optional.of(body);
  }
}
