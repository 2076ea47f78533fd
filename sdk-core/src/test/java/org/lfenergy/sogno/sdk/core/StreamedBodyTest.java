package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamedBodyTest {
  @StartStop
  private final MockWebServer server = new MockWebServer();
  private SognoClient client;

  @BeforeEach
  void start() throws Exception {
    client = SognoClient.builder().baseUrl(server.url("/api").toString())
        .retry(RetryConfig.builder().backoff(Backoff.builder().maxAttempts(3).initialDelay(Duration.ofMillis(10)).build()).build())
        .build();
  }

  @Test
  void aFileBodyIsSentWithItsLengthAndResentWholeOnRetry(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("grid.xml"), "<cim>north</cim>");
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(204).build());

    client.execute(ApiRequest.builder("PUT", "/v1/files/grid").bodyFrom(file, "application/xml").build(),
        ResponseReader.discarding());

    for (int attempt = 0; attempt < 2; attempt++) {
      RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(sent.getBody().string(StandardCharsets.UTF_8)).isEqualTo("<cim>north</cim>");
      assertThat(sent.getHeaders().get("Content-Length")).isEqualTo("16");
      assertThat(sent.getHeaders().get("Content-Type")).startsWith("application/xml");
    }
  }

  @Test
  void aStreamBodyIsSentOnceAndNeverRetried() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(204).build());
    ApiRequest upload = ApiRequest.builder("PUT", "/v1/files/grid")
        .bodyFrom(new ByteArrayInputStream("streamed".getBytes(StandardCharsets.UTF_8)), "application/octet-stream").build();

    assertThatThrownBy(() -> client.execute(upload, ResponseReader.discarding()))
        .isInstanceOf(ServiceUnavailableException.class);
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getBody().string(StandardCharsets.UTF_8)).isEqualTo("streamed");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aStreamedBodyIsNotAvailableAsBytesAndAnotherBodyReplacesIt(@TempDir Path dir) {
    ApiRequest streamed = ApiRequest.builder("PUT", "/x").bodyFrom(dir.resolve("f"), "text/plain").build();
    ApiRequest replaced = streamed.newBuilder().body(new byte[] {1}, "application/octet-stream").build();

    assertThat(streamed.isStreamed()).isTrue();
    assertThat(streamed.hasBody()).isTrue();
    assertThatThrownBy(() -> streamed.body(client.json())).isInstanceOf(IllegalStateException.class);
    assertThat(replaced.isStreamed()).isFalse();
    assertThat(replaced.body(client.json())).containsExactly(1);
  }
}
