package org.lfenergy.sogno.sdk.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A generated client moves 1 GiB each way through a loopback server in a child JVM with {@code
 * -Xmx64m} and a 1 MiB response limit: {@code putSnapshot(id, InputStream)} and {@code
 * getSnapshotTo(id, OutputStream)} stream, the limit does not apply to them, and the bytes arrive intact
 * (the same SHA-256 on both ends). A multipart upload of 1 GiB as a file part ({@code
 * addAttachment(id, InputStream, options)}) streams too; the server reads it with Jetty's multipart
 * parser, hashing the file part as it arrives.
 */
class LargeBodyTest {
  private final AtomicReference<String> received = new AtomicReference<>();
  private final AtomicLong receivedBytes = new AtomicLong();
  private final AtomicReference<String> sent = new AtomicReference<>();
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/api/grid/v1/grids/g1/snapshot", exchange -> {
      try (exchange) {
        if ("PUT".equals(exchange.getRequestMethod())) {
          MessageDigest sha = sha256();
          try (InputStream body = new DigestInputStream(exchange.getRequestBody(), sha)) {
            receivedBytes.set(body.transferTo(OutputStream.nullOutputStream()));
          }
          received.set(HexFormat.of().formatHex(sha.digest()));
          exchange.sendResponseHeaders(204, -1);
          return;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, LargeBodyChild.SIZE);
        MessageDigest sha = sha256();
        try (OutputStream out = exchange.getResponseBody(); InputStream pattern = new DigestInputStream(LargeBodyChild.pattern(), sha)) {
          pattern.transferTo(out);
        }
        sent.set(HexFormat.of().formatHex(sha.digest()));
      }
    });
    server.createContext("/api/grid/v1/grids/g1/attachments", exchange -> {
      try (exchange; InputStream body = exchange.getRequestBody()) {
        String answer = MultipartDigest.of(exchange.getRequestHeaders().getFirst("Content-Type"), body).toString();
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aGibibyteGoesUpAndComesBackThroughAChildJvmWithA64MbHeap() throws Exception {
    String output = runChild();

    await().until(() -> sent.get() != null); // the server thread's last step
    assertThat(receivedBytes.get()).isEqualTo(LargeBodyChild.SIZE);
    assertThat(received.get()).as("uploaded").isEqualTo(sent.get());
    assertThat(output).contains("bytes=" + LargeBodyChild.SIZE + " sha256=" + sent.get());
  }

  @Test
  void aGibibyteFilePartOfAMultipartFormGoesUpThroughAChildJvmWithA64MbHeap() throws Exception {
    String output = runChild("multipart");

    String sent = output.substring(output.indexOf("sent sha256=") + "sent sha256=".length()).split(" ", 2)[0].strip();
    assertThat(sent).hasSize(64);
    assertThat(output).contains("answer=" + new MultipartDigest("file", LargeBodyChild.SIZE, sent, "comment=a gibibyte"));
  }

  /** Runs {@link LargeBodyChild} against the server with {@code -Xmx64m}; its output, once it exited with 0. */
  private String runChild(String... mode) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-cp", classPath,
        LargeBodyChild.class.getName(), "http://127.0.0.1:" + server.getAddress().getPort() + "/api/grid"));
    command.addAll(List.of(mode));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(10, TimeUnit.MINUTES)).as("child finished").isTrue();
    assertThat(child.exitValue()).as(output).isZero();
    return output;
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
