package org.lfenergy.sogno.sdk.conformance.internal;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prepares and sends the run's requests: each gets its own {@code X-Request-ID} and, unless it
 * tests the refusal of anonymous requests, the bearer token.
 */
public final class Requests {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Transport transport;
  private final String token;
  private final String runId;
  private final AtomicLong counter = new AtomicLong();

  /** @param token the bearer token, or null */
  public Requests(Transport transport, String token, long seed) {
    this.transport = transport;
    this.token = token;
    this.runId = Long.toHexString(seed & 0xFFFFFFFFL);
  }

  /** {@code probe} with a fresh {@code X-Request-ID} and the credentials. */
  public Probe prepare(Probe probe) {
    Probe prepared = anonymous(probe);
    return token == null ? prepared : prepared.withHeader(Probe.AUTHORIZATION, "Bearer " + token);
  }

  /** {@code probe} with a fresh {@code X-Request-ID} and without credentials. */
  public Probe anonymous(Probe probe) {
    return probe.withoutHeader("X-Request-ID").withoutHeader(Probe.AUTHORIZATION)
        .withHeader("X-Request-ID", "conformance-" + runId + "-" + counter.incrementAndGet());
  }

  /** Sends a prepared probe. */
  public Exchange send(Probe probe) {
    return transport.send(probe, TIMEOUT);
  }

  /** Sends a prepared probe with its own timeout (long polls). */
  public Exchange send(Probe probe, Duration timeout) {
    return transport.send(probe, timeout);
  }

  /** Tells whether {@code uri} is on the base URL's origin. */
  public boolean sameOrigin(URI uri) {
    return transport.sameOrigin(uri);
  }

  /** Tells whether the run still may send. */
  public boolean canSend() {
    return transport.canSend();
  }
}
