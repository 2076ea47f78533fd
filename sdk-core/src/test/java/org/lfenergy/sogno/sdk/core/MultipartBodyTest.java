package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the client sends for a {@link MultipartBody}, read back by Jetty's {@code multipart/form-data}
 * parser from the bytes the loopback server received.
 */
class MultipartBodyTest {
  @StartStop
  private final MockWebServer server = new MockWebServer();
  private SognoClient client;

  @BeforeEach
  void start() {
    client = SognoClient.builder().baseUrl(server.url("/api").toString())
        .retry(RetryConfig.builder().backoff(Backoff.builder().maxAttempts(3).initialDelay(Duration.ofMillis(10)).build()).build())
        .build();
  }

  @Test
  void textBytesAndFilePartsArriveWithTheirLengthAsAParserReadsThem(@TempDir Path dir) throws Exception {
    Path grid = Files.writeString(dir.resolve("nörd.xml"), "<cim>north</cim>");
    server.enqueue(new MockResponse.Builder().code(204).build());

    send(MultipartBody.builder()
        .text("comment", "from the field\r\nteam ü")
        .file("grid", grid, "application/xml")
        .file("raw", "raw.bin", new byte[] {0, 1, 2, (byte) 0xff}, "application/octet-stream")
        .build());

    RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(sent.getHeaders().get("Content-Length")).isEqualTo(String.valueOf(sent.getBody().size()));
    List<Received> parts = parse(sent);
    assertThat(parts).containsExactly(
        new Received("comment", null, "text/plain; charset=utf-8", "from the field\r\nteam ü".getBytes(StandardCharsets.UTF_8)),
        new Received("grid", "nörd.xml", "application/xml", "<cim>north</cim>".getBytes(StandardCharsets.UTF_8)),
        new Received("raw", "raw.bin", "application/octet-stream", new byte[] {0, 1, 2, (byte) 0xff}));
  }

  @Test
  void hostileNamesAndFileNamesCannotBreakTheFraming() throws Exception {
    server.enqueue(new MockResponse.Builder().code(204).build());
    String name = "a\"; filename=\"evil\r\nX-Injected: yes";
    String filename = "..\\\"x.txt\"\r\n\r\n--sogno-";

    send(MultipartBody.builder()
        .file(name, filename, "payload".getBytes(StandardCharsets.UTF_8), "text/plain")
        .text("after", "\r\n--sogno-\r\n")
        .build());

    List<Received> parts = parse(server.takeRequest(5, TimeUnit.SECONDS));
    assertThat(parts).hasSize(2);
    assertThat(parts.get(0).name()).isEqualTo("a%22; filename=%22evil%0D%0AX-Injected: yes");
    assertThat(parts.get(0).filename()).isEqualTo("..\\%22x.txt%22%0D%0A%0D%0A--sogno-");
    assertThat(parts.get(0).text()).isEqualTo("payload");
    assertThat(parts.get(1).name()).isEqualTo("after");
    assertThat(parts.get(1).text()).isEqualTo("\r\n--sogno-\r\n");
  }

  @Test
  void controlCharactersInNamesAndMediaTypesAreRefusedBeforeAnythingIsSent() {
    MultipartBody.Builder body = MultipartBody.builder();

    assertThatThrownBy(() -> body.text("a\u0000b", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("name must not contain control characters: a?b");
    assertThatThrownBy(() -> body.file("f", "x\u001b.txt", new byte[0], "text/plain"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("filename must not");
    assertThatThrownBy(() -> body.file("f", "x.txt", new byte[0], "text/plain\r\nX-Injected: yes"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("mediaType must not");
    assertThatThrownBy(body::build).isInstanceOf(IllegalStateException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void aPathPartIsResentWholeOnRetry(@TempDir Path dir) throws Exception {
    Path grid = Files.writeString(dir.resolve("grid.xml"), "<cim>south</cim>");
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(204).build());

    send(MultipartBody.builder().text("kind", "cim").file("grid", grid, "application/xml").build());

    assertThat(server.getRequestCount()).isEqualTo(2);
    for (int attempt = 0; attempt < 2; attempt++) {
      RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
      assertThat(sent.getHeaders().get("Content-Length")).isEqualTo(String.valueOf(sent.getBody().size()));
      assertThat(parse(sent)).extracting(Received::text).containsExactly("cim", "<cim>south</cim>");
    }
  }

  @Test
  void aStreamPartIsSentChunkedOnceAndNeverRetried() throws Exception {
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(204).build());
    MultipartBody body = MultipartBody.builder().text("kind", "cim")
        .file("grid", "grid.xml", new ByteArrayInputStream("<cim>east</cim>".getBytes(StandardCharsets.UTF_8)), "application/xml")
        .build();

    assertThatThrownBy(() -> send(body)).isInstanceOf(ServiceUnavailableException.class);

    RecordedRequest sent = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(sent.getHeaders().get("Content-Length")).isNull();
    assertThat(sent.getHeaders().get("Transfer-Encoding")).isEqualTo("chunked");
    assertThat(parse(sent)).extracting(Received::text).containsExactly("cim", "<cim>east</cim>");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aMultipartBodyIsStreamedAndAnotherBodyReplacesIt() {
    ApiRequest multipart = ApiRequest.builder("POST", "/x").multipart(MultipartBody.builder().text("a", "b").build()).build();
    ApiRequest replaced = multipart.newBuilder().body(new byte[] {1}, "application/octet-stream").build();

    assertThat(multipart.isStreamed()).isTrue();
    assertThat(multipart.mediaType()).get().asString().startsWith("multipart/form-data; boundary=sogno-");
    assertThatThrownBy(() -> multipart.body(client.json())).isInstanceOf(IllegalStateException.class);
    assertThat(replaced.multipart()).isEmpty();
    assertThat(replaced.body(client.json())).containsExactly(1);
  }

  private void send(MultipartBody body) {
    // with an Idempotency-Key, so that the POST may be retried unless its body cannot be resent
    client.execute(ApiRequest.builder("POST", "/v1/files").multipart(body).newIdempotencyKey().build(), ResponseReader.discarding());
  }

  /** The parts Jetty's parser reads from the recorded body, by the boundary the client announced. */
  private static List<Received> parse(RecordedRequest sent) throws Exception {
    String contentType = sent.getHeaders().get("Content-Type");
    assertThat(contentType).startsWith("multipart/form-data; boundary=");
    MultiPartFormData.Parser parser = new MultiPartFormData.Parser(MultiPart.extractBoundary(contentType));
    parser.setMaxMemoryFileSize(1 << 20); // keep file parts in memory: the test's are small
    List<Received> parts = new ArrayList<>();
    try (MultiPartFormData.Parts parsed = parser.parse(Content.Source.from(ByteBuffer.wrap(sent.getBody().toByteArray())))
        .get(5, TimeUnit.SECONDS)) {
      for (MultiPart.Part part : parsed) {
        ByteBuffer buffer = Content.Source.asByteBuffer(part.getContentSource());
        byte[] content = new byte[buffer.remaining()];
        buffer.get(content);
        parts.add(new Received(part.getName(), part.getFileName(), part.getHeaders().get("Content-Type"), content));
      }
    }
    return parts;
  }

  private record Received(String name, String filename, String mediaType, byte[] content) {
    String text() {
      return new String(content, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Received that && toString().equals(that.toString());
    }

    @Override
    public int hashCode() {
      return toString().hashCode();
    }

    @Override
    public String toString() {
      return name + "|" + filename + "|" + mediaType + "|" + java.util.Arrays.toString(content);
    }
  }
}
