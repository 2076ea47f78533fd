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
import java.util.HexFormat;
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
 * (the same SHA-256 on both ends).
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
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void aGibibyteGoesUpAndComesBackThroughAChildJvmWithA64MbHeap() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process child = new ProcessBuilder(java, "-Xmx64m", "-cp", classPath, LargeBodyChild.class.getName(),
        "http://127.0.0.1:" + server.getAddress().getPort() + "/api/grid")
        .redirectErrorStream(true)
        .start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor(10, TimeUnit.MINUTES)).as("child finished").isTrue();

    assertThat(child.exitValue()).as(output).isZero();
    await().until(() -> sent.get() != null); // the server thread's last step
    assertThat(receivedBytes.get()).isEqualTo(LargeBodyChild.SIZE);
    assertThat(received.get()).as("uploaded").isEqualTo(sent.get());
    assertThat(output).contains("bytes=" + LargeBodyChild.SIZE + " sha256=" + sent.get());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
