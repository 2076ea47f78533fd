package org.lfenergy.sogno.sdk.core.internal;

import java.io.IOException;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/**
 * Reads an error body without trusting its size: at most {@link #MAX_PARSED_BYTES} are buffered, the
 * rest is never read (the connection is dropped instead), and a body cut short keeps what arrived.
 */
public final class ErrorBodies {
  /** Error bodies longer than this are not parsed; only their start is kept. */
  public static final int MAX_PARSED_BYTES = 256 * 1024;

  private ErrorBodies() {}

  /** What was read of an error body. */
  public record Read(byte[] bytes, boolean complete) {}

  public static Read read(ResponseBody body) {
    if (body == null) {
      return new Read(new byte[0], true);
    }
    BufferedSource source = body.source();
    boolean complete;
    try {
      complete = !source.request(MAX_PARSED_BYTES + 1L);
    } catch (IOException e) {
      complete = false;
    }
    Buffer buffer = source.getBuffer();
    byte[] bytes;
    try {
      bytes = buffer.readByteArray(Math.min(buffer.size(), MAX_PARSED_BYTES));
    } catch (IOException e) {
      throw new IllegalStateException("A buffer cannot run out of bytes it holds", e);
    }
    return new Read(bytes, complete);
  }
}
