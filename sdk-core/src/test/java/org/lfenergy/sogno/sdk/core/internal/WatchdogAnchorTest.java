package org.lfenergy.sogno.sdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.ApiRequest;
import org.lfenergy.sogno.sdk.core.ResponseReader;
import org.lfenergy.sogno.sdk.core.SognoClient;

class WatchdogAnchorTest {
  private static final String OKIO_WATCHDOG = "Okio Watchdog";

  @Test
  void sdkCallsDoNotWakeOkiosWatchdogForEachReadAndWrite() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          return new MockResponse.Builder().body("{}").build();
        }
      });
      server.start();
      SognoClient client = SognoClient.builder().baseUrl(server.url("/").toString()).build();
      ApiRequest request = ApiRequest.builder("GET", "/v1/jobs").build();
      client.execute(request, ResponseReader.discarding()); // starts the watchdog thread
      long wakeUpsBefore = watchdogWaits();

      // A fixed number of calls, however long they take: while calls continue the anchor stays queued,
      // so the watchdog wakes about once per anchor period, not for every read and write.
      int calls = 40;
      for (int i = 0; i < calls; i++) {
        client.execute(request, ResponseReader.discarding());
      }

      // Without the anchor each call wakes the watchdog at least twice (request written, response read).
      assertThat(watchdogWaits() - wakeUpsBefore).as("watchdog wake-ups during %d calls", calls).isLessThan(calls / 4);
    }
  }

  @Test
  void lapsesAfterAPeriodWithoutCallsAndComesBackWithTheNextCall() {
    WatchdogAnchor anchor = new WatchdogAnchor(Duration.ofMillis(50));

    anchor.touch();
    assertThat(anchor.isAnchored()).isTrue();
    await().atMost(Duration.ofSeconds(5)).until(() -> !anchor.isAnchored());

    anchor.touch();
    assertThat(anchor.isAnchored()).isTrue();
    await().atMost(Duration.ofSeconds(5)).until(() -> !anchor.isAnchored());
  }

  @Test
  void anAnchorTouchedFromManyThreadsIsQueuedOnce() throws Exception {
    WatchdogAnchor anchor = new WatchdogAnchor(Duration.ofMillis(20));
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = new Thread(() -> {
        for (int i = 0; i < 20_000; i++) {
          anchor.touch(); // a second enter() of a queued AsyncTimeout would throw "Unbalanced enter/exit"
        }
      });
    }
    Throwable[] failure = new Throwable[1];
    for (Thread thread : threads) {
      thread.setUncaughtExceptionHandler((t, e) -> failure[0] = e);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(failure[0]).isNull();
    await().atMost(Duration.ofSeconds(5)).until(() -> !anchor.isAnchored());
  }

  /** How often Okio's watchdog thread has gone to wait, i.e. been woken and gone back to sleep. */
  private static long watchdogWaits() {
    for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
      if (thread.getThreadName().equals(OKIO_WATCHDOG)) {
        return thread.getWaitedCount();
      }
    }
    throw new AssertionError("no " + OKIO_WATCHDOG + " thread");
  }
}
