package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lfenergy.sogno.sdk.core.internal.ErrorBodies;

/** Bodies are read only up to their limits, large ones are streamed, slow ones end at the call deadline. */
class ResponseBodyLimitTest {
  private static final long MIB = 1024 * 1024;

  @Test
  void aSuccessBodyOverTheLimitGivesResponseTooLargeExceptionAndIsNotReadPastIt() throws Exception {
    AtomicLong written = new AtomicLong();
    CompletableFuture<Void> finished = new CompletableFuture<>();
    try (RawHttpServer server = RawHttpServer.counting(200, 8 * MIB, written, finished)) {
      SognoClient client = client(server.url()).maxResponseBytes(64 * 1024).build();

      ResponseTooLargeException e = catchThrowableOfType(ResponseTooLargeException.class,
          () -> client.execute(ApiRequest.builder("GET", "/v1/results/1").build(), ResponseReader.bytes()));

      assertThat(e.maxBytes()).isEqualTo(64 * 1024);
      assertThat(e.response().status()).isEqualTo(200);
      assertThat(e).hasMessageContaining("GET " + server.url() + "/v1/results/1").hasMessageContaining("download");
      await().atMost(Duration.ofSeconds(10)).until(finished::isDone); // the client hung up
      assertThat(written.get()).as("bytes the server could write").isLessThan(MIB);
    }
  }

  @Test
  void aSuccessBodyAtTheLimitIsReadWhole() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().body("y".repeat(1000)).build());
      server.enqueue(new MockResponse.Builder().body("y".repeat(1001)).build());
      SognoClient client = client(server.url("/").toString()).maxResponseBytes(1000).build();

      assertThat(client.execute(ApiRequest.builder("GET", "/a").build(), ResponseReader.bytes()).body()).hasSize(1000);
      assertThatThrownBy(() -> client.execute(ApiRequest.builder("GET", "/b").build(), ResponseReader.bytes()))
          .isInstanceOf(ResponseTooLargeException.class);
    }
  }

  @Test
  void aChunkedSuccessBodyOverTheLimitIsCaughtWhileReading() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().chunkedBody("z".repeat(50_000), 1024).build());
      SognoClient client = client(server.url("/").toString()).maxResponseBytes(10_000).build();

      assertThatThrownBy(() -> client.execute(ApiRequest.builder("GET", "/").build(), ResponseReader.string()))
          .isInstanceOfSatisfying(ResponseTooLargeException.class, e -> assertThat(e.maxBytes()).isEqualTo(10_000));
    }
  }

  @Test
  void theLimitMustBePositive() {
    assertThatThrownBy(() -> SognoClient.builder().maxResponseBytes(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxResponseBytes");
  }

  @Test
  void downloadStreamsABodyLargerThanTheLimit() throws Exception {
    byte[] body = new byte[3 * 1024 * 1024];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) i;
    }
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().body(new Buffer().write(body)).build());
      SognoClient client = client(server.url("/").toString()).maxResponseBytes(64 * 1024).build();
      ByteArrayOutputStream target = new ByteArrayOutputStream();

      ApiResponse<Long> response = client.download(ApiRequest.builder("GET", "/v1/files/1").build(), target);

      assertThat(response.status()).isEqualTo(200);
      assertThat(response.body()).isEqualTo(body.length);
      assertThat(target.toByteArray()).isEqualTo(body);
    }
  }

  @Test
  void downloadToAFileReplacesItOnlyWhenTheWholeBodyArrived(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("result.bin");
    Files.writeString(file, "previous");
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().code(404).body("{\"detail\":\"gone\"}").build());
      server.enqueue(new MockResponse.Builder().body("new content").build());
      SognoClient client = client(server.url("/").toString()).build();

      assertThatThrownBy(() -> client.download(ApiRequest.builder("GET", "/f").build(), file))
          .isInstanceOf(NotFoundException.class);
      assertThat(Files.readString(file)).isEqualTo("previous");

      assertThat(client.download(ApiRequest.builder("GET", "/f").build(), file).body()).isEqualTo(11);
      assertThat(Files.readString(file)).isEqualTo("new content");
    }
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(file); // no partial file left behind
    }
  }

  @Test
  void aDownloadTargetThatFailsGivesASognoExceptionWithTheCause() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().body("data").build());
      SognoClient client = client(server.url("/").toString()).build();
      OutputStream full = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
          throw new IOException("disk full");
        }
      };

      assertThatThrownBy(() -> client.download(ApiRequest.builder("GET", "/f").build(), full))
          .isExactlyInstanceOf(SognoException.class).hasMessageContaining("could not be written")
          .hasRootCauseMessage("disk full");
    }
  }

  @Test
  void aTwoMegabyteErrorBodyIsNotReadPastTheCap() throws Exception {
    AtomicLong written = new AtomicLong();
    CompletableFuture<Void> finished = new CompletableFuture<>();
    try (RawHttpServer server = RawHttpServer.counting(500, 2 * MIB, written, finished)) {
      SognoClient client = client(server.url()).build();

      ServerErrorException e = catchThrowableOfType(ServerErrorException.class,
          () -> client.execute(ApiRequest.builder("GET", "/v1/jobs").build(), ResponseReader.discarding()));

      assertThat(e.rawBodyTruncated()).isTrue();
      await().atMost(Duration.ofSeconds(10)).until(finished::isDone); // the client hung up
      // What the client read (the cap) plus what kernel buffers hold; far from the 2 MiB sent in full.
      assertThat(written.get()).as("bytes the server could write").isGreaterThanOrEqualTo(ErrorBodies.MAX_PARSED_BYTES)
          .isLessThan(MIB);
    }
  }

  @Test
  void aBodyThatTricklesInEndsAtTheCallDeadline() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start();
      server.enqueue(new MockResponse.Builder().body("t".repeat(10_000)).throttleBody(1, 50, TimeUnit.MILLISECONDS).build());
      // Each byte arrives well within the read timeout; only the deadline of the whole call can end this.
      SognoClient client = client(server.url("/").toString()).readTimeout(Duration.ofSeconds(30))
          .callTimeout(Duration.ofMillis(500)).build();

      assertThatThrownBy(() -> client.execute(ApiRequest.builder("GET", "/slow").build(), ResponseReader.string()))
          .isInstanceOf(RequestTimeoutException.class).hasMessageContaining("timed out");
    }
  }

  private static SognoClient.Builder client(String url) {
    return SognoClient.builder().baseUrl(url).httpClient(SmallBufferSockets.httpClient())
        .retry(RetryConfig.disabled()).circuitBreaker(CircuitBreakerConfig.disabled());
  }
}
