package org.lfenergy.sogno.samples.powerflow.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A loopback front of a real service for a {@code MockWebServer}: the first request gets {@code 503
 * Service Unavailable} with {@code Retry-After: 0} (as a replica that is starting or draining answers),
 * every later one is forwarded to the service as received — headers such as {@code traceparent} and
 * {@code Idempotency-Key} included — and its answer returned.
 */
final class RefuseFirstThenForward extends Dispatcher {
  /** Set by OkHttp per connection or body, never forwarded. */
  private static final Set<String> NOT_FORWARDED =
      Set.of("host", "connection", "content-length", "transfer-encoding", "accept-encoding", "keep-alive");

  private final OkHttpClient http = new OkHttpClient();
  private final HttpUrl service;
  private final AtomicInteger requests = new AtomicInteger();

  RefuseFirstThenForward(URI service) {
    this.service = HttpUrl.get(service);
  }

  /** How many requests reached this front. */
  int requests() {
    return requests.get();
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    if (requests.incrementAndGet() == 1) {
      return new MockResponse.Builder().code(503).addHeader("Retry-After", "0")
          .addHeader("Content-Type", "application/problem+json")
          .body("{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503}")
          .build();
    }
    HttpUrl target = service.newBuilder().encodedPath(request.getUrl().encodedPath())
        .encodedQuery(request.getUrl().encodedQuery()).build();
    String contentType = request.getHeaders().get("Content-Type");
    RequestBody body = request.getBody() == null || request.getBodySize() == 0 ? null
        : RequestBody.create(request.getBody(), contentType == null ? null : MediaType.get(contentType));
    try (Response answer = http.newCall(new Request.Builder().url(target)
        .headers(forwarded(request.getHeaders())).method(request.getMethod(), body).build()).execute()) {
      return new MockResponse.Builder().code(answer.code()).headers(forwarded(answer.headers()))
          .body(answer.body().string()).build();
    } catch (IOException e) {
      throw new UncheckedIOException("forwarding " + request.getRequestLine(), e);
    }
  }

  private static Headers forwarded(Headers headers) {
    Headers.Builder kept = new Headers.Builder();
    for (String name : headers.names()) {
      if (!NOT_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
        headers.values(name).forEach(value -> kept.add(name, value));
      }
    }
    return kept.build();
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
