package org.lfenergy.sogno.samples.powerflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lfenergy.sogno.sdk.testkit.auth.TestIssuer;

/**
 * A request in flight when shutdown starts still gets its answer; new connections are refused at
 * once; idle keep-alive connections do not hold shutdown up. The request is held in flight
 * deterministically: its body is sent in two parts, and the first part is known to have reached
 * the handler when the service fetches the keys to check its token.
 */
class GracefulShutdownTest {
  @TempDir Path jobsDir;

  private static boolean refusesConnections(int port) {
    try (Socket probe = new Socket()) {
      probe.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
      return false;
    } catch (IOException refused) {
      return true;
    }
  }

  @Test
  void answersTheRequestInFlightBeforeStopping() throws Exception {
    try (TestIssuer idp = TestIssuer.forAudience("powerflow")) {
      Map<String, String> env = new HashMap<>(idp.environment());
      env.putAll(Map.of("SOGNO_HTTP_HOST", "127.0.0.1", "SOGNO_HTTP_PORT", "0", "SOGNO_SHUTDOWN_GRACE", "PT30S",
          "SOGNO_JOBS_DIR", jobsDir.toString()));
      PowerFlowService service = PowerFlowService.start(ServiceConfig.fromEnvironment(env));
      int port = service.port();
      byte[] body = Ieee14.requestBody();
      try (Socket socket = new Socket("127.0.0.1", port)) {
        OutputStream out = socket.getOutputStream();
        out.write(("POST /v1/powerflows HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n"
            + "Authorization: Bearer " + idp.token("alice").scopes("powerflow.write").sign() + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
        out.write(Arrays.copyOf(body, body.length / 2));
        out.flush();
        await().atMost(Duration.ofSeconds(30)).until(() -> idp.jwksRequests() > 0);

        CompletableFuture<Void> closing = CompletableFuture.runAsync(service::close);
        await().atMost(Duration.ofSeconds(30)).until(() -> refusesConnections(port));
        assertThat(closing).isNotDone();

        out.write(Arrays.copyOfRange(body, body.length / 2, body.length));
        out.flush();
        BufferedReader in = new BufferedReader(
            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        assertThat(in.readLine()).isEqualTo("HTTP/1.1 202 Accepted");
        closing.get(30, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void closesIdleKeepAliveConnectionsWithinAShortGracePeriodWithoutFailing() throws Exception {
    PowerFlowService service = PowerFlowService.start(ServiceConfig.fromEnvironment(Map.of(
        "SOGNO_HTTP_HOST", "127.0.0.1", "SOGNO_HTTP_PORT", "0", "SOGNO_SHUTDOWN_GRACE", "PT1S",
        "SOGNO_AUTH_DISABLED", "true", "SOGNO_JOBS_DIR", jobsDir.toString())));
    try (Socket idle = new Socket("127.0.0.1", service.port())) {
      idle.getOutputStream().write("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      InputStream in = idle.getInputStream();
      assertThat(readResponseStatusAndSkipBody(in)).isEqualTo("HTTP/1.1 200 OK");

      // Jetty's default would wait the idle connection out for 1 s and throw a TimeoutException.
      service.close();

      idle.setSoTimeout(15_000);
      assertThat(in.read()).as("the server closed the idle connection").isEqualTo(-1);
    }
  }

  /** Reads one HTTP/1.1 response with a {@code Content-Length}, leaving the connection open. */
  private static String readResponseStatusAndSkipBody(InputStream in) throws IOException {
    String status = readLine(in);
    int length = 0;
    for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
      if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        length = Integer.parseInt(header.substring(15).trim());
      }
    }
    assertThat(in.readNBytes(length)).hasSize(length);
    return status;
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c == -1) {
        throw new IOException("connection closed in the middle of a response");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }
}
