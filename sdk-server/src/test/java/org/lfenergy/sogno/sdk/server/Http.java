package org.lfenergy.sogno.sdk.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.SognoJson;

/** A loopback HTTP client for the tests: the JDK client, and a raw socket for what it refuses to send. */
final class Http {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI base;

  Http(URI base) {
    this.base = base;
  }

  /** The absolute URI of {@code path} on the server. */
  URI uri(String path) {
    return base.resolve(path);
  }

  HttpResponse<byte[]> send(String method, String path, String body, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<byte[]> get(String path, String... headers) {
    return send("GET", path, null, headers);
  }

  HttpResponse<byte[]> postJson(String path, String json, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Content-Type";
    all[1] = "application/json";
    System.arraycopy(headers, 0, all, 2, headers.length);
    return send("POST", path, json, all);
  }

  static Problem problem(HttpResponse<byte[]> response) {
    return SognoJson.defaults().read(response.body(), Problem.class);
  }

  static Map<String, Object> json(HttpResponse<byte[]> response) {
    return SognoJson.defaults().read(response.body(), new org.lfenergy.sogno.sdk.core.TypeRef<Map<String, Object>>() {});
  }

  static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  /**
   * Sends {@code head} (request line and headers, CRLF-separated, without the blank line) and {@code
   * bodyBytes} bytes of {@code 'x'} (chunked, without the last chunk, when {@code chunked}), then
   * returns the answer's head and body (read up to its {@code Content-Length}).
   */
  String raw(String head, long bodyBytes, boolean chunked) {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      writeBody(out, bodyBytes, chunked);
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      int headEnd = -1;
      long expected = Long.MAX_VALUE;
      while (answer.size() < expected) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        answer.write(b);
        String text = answer.toString(StandardCharsets.ISO_8859_1);
        if (headEnd < 0 && text.endsWith("\r\n\r\n")) {
          headEnd = text.length();
          java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(text);
          expected = length.find() ? headEnd + Long.parseLong(length.group(1)) : Long.MAX_VALUE;
        }
      }
      return answer.toString(StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeBody(OutputStream out, long bytes, boolean chunked) throws IOException {
    byte[] block = new byte[8 * 1024];
    java.util.Arrays.fill(block, (byte) 'x');
    for (long left = bytes; left > 0; ) {
      int n = (int) Math.min(block.length, left);
      if (chunked) {
        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      }
      out.write(block, 0, n);
      if (chunked) {
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
      }
      left -= n;
    }
  }
}
