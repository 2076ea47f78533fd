package org.lfenergy.sogno.sdk.conformance.internal;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.lfenergy.sogno.sdk.conformance.ConformanceException;
import org.lfenergy.sogno.sdk.core.Authentication;
import org.lfenergy.sogno.sdk.core.SognoException;

/**
 * Prepares and sends the run's requests: each gets its own {@code X-Request-ID} and, unless it
 * tests the refusal of anonymous requests, the credentials' {@code Authorization} header.
 */
public final class Requests {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Transport transport;
  private final Authentication authentication;
  private final String runId;
  private final AtomicLong counter = new AtomicLong();

  /** @param authentication the credentials, {@link Authentication#NONE} for none */
  public Requests(Transport transport, Authentication authentication, long seed) {
    this.transport = transport;
    this.authentication = authentication;
    this.runId = Long.toHexString(seed & 0xFFFFFFFFL);
  }

  /**
   * {@code probe} with a fresh {@code X-Request-ID} and the credentials.
   *
   * @throws ConformanceException if the credentials cannot be obtained (token endpoint failing)
   */
  public Probe prepare(Probe probe) {
    Probe prepared = anonymous(probe);
    String authorization;
    try {
      authorization = authentication.authorization();
    } catch (SognoException e) {
      throw new ConformanceException("Cannot obtain credentials: " + e.getMessage(), e);
    }
    return authorization == null ? prepared : prepared.withHeader(Probe.AUTHORIZATION, authorization);
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
