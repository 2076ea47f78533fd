package org.lfenergy.sogno.sdk.server.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DevelopmentModeTest {
  private final AtomicLong clock = new AtomicLong(1_000);
  private final List<String> warnings = new CopyOnWriteArrayList<>();

  @Test
  void warnsAtStartThenAtMostOnceAMinuteWhileRequestsArrive() {
    DevelopmentMode mode = DevelopmentMode.start(clock::get, warnings::add);
    assertThat(warnings).containsExactly(DevelopmentMode.MESSAGE);

    clock.addAndGet(TimeUnit.SECONDS.toNanos(59));
    mode.remind();
    assertThat(warnings).hasSize(1);

    clock.addAndGet(TimeUnit.SECONDS.toNanos(1));
    IntStream.range(0, 100).parallel().forEach(i -> mode.remind());
    assertThat(warnings).hasSize(2);

    clock.addAndGet(TimeUnit.MINUTES.toNanos(5));
    mode.remind();
    mode.remind();
    assertThat(warnings).hasSize(3);
  }
}
