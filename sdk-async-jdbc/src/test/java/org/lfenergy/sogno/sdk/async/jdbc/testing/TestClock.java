package org.lfenergy.sogno.sdk.async.jdbc.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock standing still until a test moves it forward, to expire jobs without waiting. */
public final class TestClock extends Clock {
  private volatile Clock current = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  /** Moves the time forward by {@code step}. */
  public void advance(Duration step) {
    current = Clock.offset(current, step);
  }

  @Override
  public Instant instant() {
    return current.instant();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("TestClock stays in UTC");
  }
}
