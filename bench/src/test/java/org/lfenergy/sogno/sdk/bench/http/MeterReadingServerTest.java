package org.lfenergy.sogno.sdk.bench.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Both loopback servers answer every client the same bytes over one keep-alive connection, so the
 * server chosen changes how fast an answer comes, never what a client reads.
 */
class MeterReadingServerTest {
  private static final MediaType JSON = MediaType.get("application/json");

  private final AtomicInteger connections = new AtomicInteger();
  private final OkHttpClient http = new OkHttpClient.Builder()
      .eventListener(new EventListener() {
        @Override
        public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
          connections.incrementAndGet();
        }
      })
      .build();

  @AfterEach
  void closeClient() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "jdk"})
  void answersTheFourOperationsWithTheFixedPayloadsOverOneConnection(String kind) throws IOException {
    try (MeterReadingServer server = MeterReadingServer.start(kind)) {
      String base = server.baseUrl();
      assertAnswer(get(base + "/v1/meters/meter-000042/latest-reading"), 200, "application/json", Payloads.SMALL);
      assertAnswer(get(base + "/v1/meters/meter-000042/series"), 200, "application/json", Payloads.LARGE);
      // The 100 KB body is read to its end: the next call goes over the same connection.
      assertAnswer(post(base + "/v1/series", Payloads.LARGE), 201, "application/json", Payloads.RECEIPT);
      assertAnswer(post(base + "/v1/readings", Payloads.SMALL), 201, "application/json", Payloads.RECEIPT);
      assertThat(connections).hasValue(1);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"jetty", "jdk"})
  void answersAnUnknownOperationWithAProblem(String kind) throws IOException {
    try (MeterReadingServer server = MeterReadingServer.start(kind);
        Response response = http.newCall(new Request.Builder().url(server.baseUrl() + "/v2/nothing").build()).execute()) {
      assertThat(response.code()).isEqualTo(404);
      assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
      assertThat(response.body().string()).contains("\"status\":404", "GET /api/meters/v2/nothing");
    }
  }

  @Test
  void theSdkClientReadsTheSameReadingFromBothServers() throws Exception {
    Object fromJetty;
    Object fromJdk;
    try (MeterReadingServer server = MeterReadingServer.start("jetty")) {
      fromJetty = new SognoClientBenchmark().connect(server.baseUrl()).named("getSmall").call();
    }
    try (MeterReadingServer server = MeterReadingServer.start("jdk")) {
      fromJdk = new SognoClientBenchmark().connect(server.baseUrl()).named("getSmall").call();
    }
    assertThat(fromJetty).isNotNull().isEqualTo(fromJdk);
  }

  @Test
  void namesTheKnownServersForAnUnknownOne() {
    assertThatThrownBy(() -> MeterReadingServer.start("netty"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown loopback server 'netty' (-Dbench.server); known: [jetty, jdk]");
  }

  private Response get(String url) throws IOException {
    return http.newCall(new Request.Builder().url(url).build()).execute();
  }

  private Response post(String url, byte[] body) throws IOException {
    return http.newCall(new Request.Builder().url(url).post(RequestBody.create(body, JSON)).build()).execute();
  }

  private static void assertAnswer(Response sent, int status, String contentType, byte[] body) throws IOException {
    try (Response response = sent) {
      assertThat(response.code()).isEqualTo(status);
      assertThat(response.header("Content-Type")).isEqualTo(contentType);
      assertThat(response.body().bytes()).isEqualTo(body);
    }
  }
}
