package org.lfenergy.sogno.sdk.server.jdk;

import java.time.Duration;

/**
 * Counts the exchanges in flight so that a stop can wait for exactly those: once {@link #drain}
 * began, {@link #enter()} refuses new ones. Thread-safe.
 */
final class InFlight {
  private int count;
  private boolean draining;

  /** False once draining began: the exchange must be refused. */
  synchronized boolean enter() {
    if (draining) {
      return false;
    }
    count++;
    return true;
  }

  synchronized void leave() {
    count--;
    if (count == 0) {
      notifyAll();
    }
  }

  /** Refuses new exchanges and waits up to {@code grace} for those in flight; true if all ended. */
  synchronized boolean drain(Duration grace) {
    draining = true;
    long deadline = System.nanoTime() + grace.toNanos();
    try {
      while (count > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        wait(Math.max(1, left / 1_000_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return count == 0;
    }
    return true;
  }
}
