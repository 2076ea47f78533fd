package org.lfenergy.sogno.sdk.core.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.function.BooleanSupplier;

/**
 * How {@link RetryInterceptor} waits between attempts. The real one sleeps and checks every few
 * milliseconds whether the call was cancelled; tests inject one that records the waits instead of
 * spending them, so no test measures wall-clock time.
 */
@FunctionalInterface
public interface Sleeper {
  /** Sleeps in slices of 20 ms, giving up with an {@link IOException} when the call is cancelled. */
  Sleeper REAL = (millis, canceled) -> {
    long end = System.nanoTime() + millis * 1_000_000L;
    try {
      for (long left = millis; left > 0; left = (end - System.nanoTime()) / 1_000_000) {
        if (canceled.getAsBoolean()) {
          throw new IOException("Canceled");
        }
        Thread.sleep(Math.min(left, 20));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("Interrupted while waiting to retry");
    }
  };

  /**
   * Waits {@code millis} (never negative, at most the retry's total-time cap).
   *
   * @throws IOException when {@code canceled} turns true or the thread is interrupted
   */
  void sleep(long millis, BooleanSupplier canceled) throws IOException;
}
