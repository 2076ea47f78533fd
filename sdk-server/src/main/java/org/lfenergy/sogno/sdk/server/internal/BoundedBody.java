package org.lfenergy.sogno.sdk.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.lfenergy.sogno.sdk.server.IncomingRequest;

/**
 * Reads a request body up to a limit and never past it: a declared {@code Content-Length} above the
 * limit is refused before a byte is read; otherwise at most {@code limit + 1} bytes are read, so a
 * body without a length (chunked) is refused as soon as it passes the limit.
 */
final class BoundedBody {
  private BoundedBody() {}

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
