package org.lfenergy.sogno.sdk.conformance.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends probes over HTTP/1.1 within the run's bounds: only to the base URL's origin (scheme, host,
 * port), at most {@code budget} requests, none after the deadline, redirects never followed.
 */
public final class Transport {
  private final URI base;
  private final HttpClient client;
  private final int budget;
  private final long deadlineNanos;
  private final AtomicInteger sent = new AtomicInteger();

  /** Thrown when the budget or the time is used up; the run stops and reports what it has. */
  public static final class Exhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Exhausted(String reason) {
      super(reason, null, false, false);
    }
  }

  public Transport(URI base, int budget, Duration timeLimit) {
    this.base = base;
    this.budget = budget;
    this.deadlineNanos = System.nanoTime() + timeLimit.toNanos();
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** Tells whether {@code uri} has the base URL's origin. */
  public boolean sameOrigin(URI uri) {
    return uri.isAbsolute() && Objects.equals(lower(uri.getScheme()), lower(base.getScheme()))
        && Objects.equals(lower(uri.getHost()), lower(base.getHost())) && port(uri) == port(base);
  }

  /** Requests sent so far. */
  public int sent() {
    return sent.get();
  }

  /** Tells whether the run still may send. */
  public boolean canSend() {
    return sent.get() < budget && System.nanoTime() < deadlineNanos;
  }

  /**
   * Sends {@code probe}; an I/O failure is an exchange without answer.
   *
   * @throws Exhausted when the budget or the time limit is used up
   * @throws IllegalArgumentException if the probe's URL has another origin
   */
  public Exchange send(Probe probe, Duration timeout) {
    if (!sameOrigin(probe.uri())) {
      throw new IllegalArgumentException("Not sent: " + probe.uri() + " is not on the origin of " + base);
    }
    if (System.nanoTime() >= deadlineNanos) {
      throw new Exhausted("time limit reached");
    }
    if (sent.incrementAndGet() > budget) {
      sent.decrementAndGet();
      throw new Exhausted("request budget of " + budget + " used up");
    }
    HttpRequest.BodyPublisher body = probe.body() == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(probe.body());
    HttpRequest.Builder request = HttpRequest.newBuilder(probe.uri()).method(probe.method(), body).timeout(timeout);
    for (Map.Entry<String, String> header : probe.headers()) {
      request.header(header.getKey(), header.getValue());
    }
    try {
      HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Exchange(probe, response.statusCode(), response.headers().map(), response.body(), null);
    } catch (IOException e) {
      return Exchange.failed(probe, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Exhausted("interrupted");
    }
  }

  private static String lower(String text) {
    return text == null ? null : text.toLowerCase(Locale.ROOT);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
