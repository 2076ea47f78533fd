package org.lfenergy.sogno.sdk.server.internal.auth;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Development mode's reminders: a WARN at start-up and, while requests arrive, at most one a minute
 * (taken by the request that finds the minute over, so an idle service logs nothing and no thread
 * is kept for it). Thread-safe.
 */
final class DevelopmentMode {
  private static final Logger log = LoggerFactory.getLogger(DevelopmentMode.class);
  private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);
  static final String MESSAGE = "SOGNO_AUTH_DISABLED=true: development mode, no token is checked and every"
      + " request is the development principal with every scope. Never in production.";

  private final LongSupplier nanoTime;
  private final Consumer<String> warn;
  private final AtomicLong lastWarning;

  private DevelopmentMode(LongSupplier nanoTime, Consumer<String> warn) {
    this.nanoTime = nanoTime;
    this.warn = warn;
    this.lastWarning = new AtomicLong(nanoTime.getAsLong());
    warn.accept(MESSAGE);
  }

  /** Starts the mode: warns now, on the SLF4J logger of this class. */
  static DevelopmentMode start() {
    return start(System::nanoTime, log::warn);
  }

  /** Starts the mode with {@code nanoTime} as the clock and {@code warn} as the log. */
  static DevelopmentMode start(LongSupplier nanoTime, Consumer<String> warn) {
    return new DevelopmentMode(nanoTime, warn);
  }

  /** Warns again if the last warning is a minute old; called for every request. */
  void remind() {
    long now = nanoTime.getAsLong();
    long last = lastWarning.get();
    if (now - last >= MINUTE && lastWarning.compareAndSet(last, now)) {
      warn.accept(MESSAGE);
    }
  }
}
