package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The pipeline runs in the documented order: user interceptors, headers, retry, auth and logging per attempt. */
class PipelineOrderTest {
  @StartStop
  private final MockWebServer server = new MockWebServer();
  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private final Logger httpLog = (Logger) LoggerFactory.getLogger(LoggingConfig.LOGGER_NAME);

  @BeforeEach
  void start() throws Exception {
    httpLog.setLevel(Level.DEBUG);
    captured.start();
    httpLog.addAppender(captured);
  }

  @AfterEach
  void stop() {
    httpLog.detachAppender(captured);
    httpLog.setLevel(null);
  }

  @Test
  void eachAttemptKeepsRequestIdAndTraceButAsksForCredentialsAndIsLoggedAgain() throws Exception {
    List<Request> seenByUserInterceptor = new CopyOnWriteArrayList<>();
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(chain -> {
      seenByUserInterceptor.add(chain.request());
      return chain.proceed(chain.request());
    }).build();
    AtomicInteger credentialRequests = new AtomicInteger();
    SognoClient client = SognoClient.builder().baseUrl(server.url("/").toString()).httpClient(http)
        .authentication(Authentication.bearer(() -> "token-" + credentialRequests.incrementAndGet()))
        .retry(RetryConfig.builder().backoff(Backoff.builder().initialDelay(Duration.ofMillis(5)).build()).build())
        .build();
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(200).build());

    client.execute(ApiRequest.builder("GET", "/v1/jobs").build(), ResponseReader.discarding());

    RecordedRequest first = server.takeRequest(5, TimeUnit.SECONDS);
    RecordedRequest second = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(second.getHeaders().get("X-Request-ID")).isEqualTo(first.getHeaders().get("X-Request-ID"));
    assertThat(second.getHeaders().get("traceparent")).isEqualTo(first.getHeaders().get("traceparent"));
    assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer token-1");
    assertThat(second.getHeaders().get("Authorization")).isEqualTo("Bearer token-2");
    assertThat(captured.list).filteredOn(event -> event.getFormattedMessage().startsWith("--> GET")).hasSize(2);
    // A user-supplied interceptor runs once, outside retries and authentication; it sees the request id
    // and trace that are sent, never the credentials.
    assertThat(seenByUserInterceptor).hasSize(1);
    assertThat(seenByUserInterceptor.get(0).header("X-Request-ID")).isEqualTo(first.getHeaders().get("X-Request-ID"));
    assertThat(seenByUserInterceptor.get(0).header("traceparent")).isEqualTo(first.getHeaders().get("traceparent"));
    assertThat(seenByUserInterceptor.get(0).header("Authorization")).isNull();
  }

  @Test
  void theSdksHeadersArePutBackWhenAUserInterceptorRemovedThem() throws Exception {
    OkHttpClient http = new OkHttpClient.Builder()
        .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
            .removeHeader("User-Agent").removeHeader("X-Request-ID").removeHeader("traceparent").build()))
        .build();
    SognoClient client = SognoClient.builder().baseUrl(server.url("/").toString()).httpClient(http).build();
    server.enqueue(new MockResponse.Builder().code(404).build());

    assertThatThrownBy(() -> client.execute(ApiRequest.builder("GET", "/v1/jobs").build(), ResponseReader.discarding()))
        .isInstanceOfSatisfying(NotFoundException.class, notFound -> {
          RecordedRequest sent = takeRequest();
          assertThat(sent.getHeaders().get("User-Agent")).startsWith("sogno-sdk-java/");
          assertThat(sent.getHeaders().get("traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
          // The exception names the id that was sent, not the one the interceptor removed.
          assertThat(notFound.requestId()).isEqualTo(sent.getHeaders().get("X-Request-ID")).isNotBlank();
        });
  }

  private RecordedRequest takeRequest() {
    try {
      return server.takeRequest(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }
}
