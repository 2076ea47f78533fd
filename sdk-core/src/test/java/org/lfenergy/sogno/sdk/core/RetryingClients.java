package org.lfenergy.sogno.sdk.core;

import java.time.Duration;
import mockwebserver3.MockWebServer;

/** The client the retry and observability tests share: 3 attempts 10 ms apart (waits recorded, not spent), no breaker. */
final class RetryingClients {
  private RetryingClients() {}

  static SognoClient.Builder against(MockWebServer server, RecordingSleeper sleeper) {
    return SognoClient.builder().baseUrl(server.url("/api").toString())
        .retry(RetryConfig.builder().backoff(Backoff.builder().maxAttempts(3).initialDelay(Duration.ofMillis(10))
            .build()).build())
        .circuitBreaker(CircuitBreakerConfig.disabled())
        .sleeper(sleeper);
  }
}
