package org.lfenergy.sogno.sdk.testkit.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Waits until a broker serves metadata to clients, i.e. it is registered and unfenced. */
public final class Readiness {
  private static final long POLL_MILLIS = 50;

  private Readiness() {}

  public static void awaitBroker(String bootstrapServers, Duration timeout)
      throws InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Exception last = null;
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 20,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 100))) {
      while (System.nanoTime() < deadline) {
        try {
          if (!admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000))
              .nodes()
              .get(5, TimeUnit.SECONDS)
              .isEmpty()) {
            return;
          }
        } catch (ExecutionException | TimeoutException e) {
          last = e;
        }
        Thread.sleep(POLL_MILLIS);
      }
    }
    TimeoutException timedOut =
        new TimeoutException("broker on " + bootstrapServers + " not ready within " + timeout);
    if (last != null) {
      timedOut.initCause(last);
    }
    throw timedOut;
  }
}
