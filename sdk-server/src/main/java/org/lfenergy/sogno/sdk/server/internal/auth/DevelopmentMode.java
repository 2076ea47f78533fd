package org.lfenergy.sogno.sdk.server.internal.auth;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
  private static final String MESSAGE = "SOGNO_AUTH_DISABLED=true: development mode, no token is checked and every"
      + " request is the development principal with every scope. Never in production.";

  private final AtomicLong lastWarning = new AtomicLong();

  private DevelopmentMode() {}

  static DevelopmentMode start() {
    DevelopmentMode mode = new DevelopmentMode();
    mode.lastWarning.set(System.nanoTime());
    log.warn(MESSAGE);
    return mode;
  }

  void remind() {
    long now = System.nanoTime();
    long last = lastWarning.get();
    if (now - last >= MINUTE && lastWarning.compareAndSet(last, now)) {
      log.warn(MESSAGE);
    }
  }
}
