package org.lfenergy.sogno.sdk.async.server.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpPrincipal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.lfenergy.sogno.sdk.core.server.ProblemResponse;
import org.lfenergy.sogno.sdk.core.server.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@link JobEndpoints} (or any {@code ServerRequest → ServerResponse} function) with the JDK's
 * built-in {@code com.sun.net.httpserver}: handy for small services, tools and tests.
 *
 * <pre>{@code
 * HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
 * server.createContext("/v1/jobs", JdkHttpServerAdapter.of(endpoints::handle));
 * server.createContext("/v1/powerflows",
 *     JdkHttpServerAdapter.of(request -> endpoints.submit(request, "powerflow", work(request))));
 * server.start();
 * }</pre>
 *
 * <p>The principal is the exchange's {@link HttpPrincipal} (set by an {@code Authenticator}) unless a
 * resolver is given. Bodies above {@code maxBodyBytes} (default 10 MiB) are refused with 413. Answers
 * are written when the endpoint's future completes, so long polls hold no server thread. Immutable and
 * thread-safe.
 */
public final class JdkHttpServerAdapter implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(JdkHttpServerAdapter.class);
  private static final int DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

  private final Function<ServerRequest, ? extends CompletionStage<ServerResponse>> endpoint;
  private final Function<HttpExchange, String> principals;
  private final int maxBodyBytes;

  private JdkHttpServerAdapter(
      Function<ServerRequest, ? extends CompletionStage<ServerResponse>> endpoint,
      Function<HttpExchange, String> principals,
      int maxBodyBytes) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.principals = Objects.requireNonNull(principals, "principals");
    this.maxBodyBytes = maxBodyBytes;
  }

  /** An adapter calling {@code endpoint} for every exchange. */
  public static JdkHttpServerAdapter of(
      Function<ServerRequest, ? extends CompletionStage<ServerResponse>> endpoint) {
    return new JdkHttpServerAdapter(endpoint, JdkHttpServerAdapter::authenticatedName, DEFAULT_MAX_BODY_BYTES);
  }

  /** A copy that takes the principal's name from {@code resolver} (null = anonymous). */
  public JdkHttpServerAdapter withPrincipals(Function<HttpExchange, String> resolver) {
    return new JdkHttpServerAdapter(endpoint, resolver, maxBodyBytes);
  }

  /** A copy refusing bodies above {@code maxBodyBytes} with 413. */
  public JdkHttpServerAdapter withMaxBodyBytes(int maxBodyBytes) {
    if (maxBodyBytes < 0) {
      throw new IllegalArgumentException("maxBodyBytes must be >= 0, was " + maxBodyBytes);
    }
    return new JdkHttpServerAdapter(endpoint, principals, maxBodyBytes);
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(maxBodyBytes + 1);
    }
    if (body.length > maxBodyBytes) {
      write(exchange, tooLarge());
      return;
    }
    ServerRequest request;
    CompletionStage<ServerResponse> response;
    try {
      request =
          ServerRequest.builder(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath())
              .query(exchange.getRequestURI().getRawQuery())
              .headers(exchange.getRequestHeaders())
              .principal(principals.apply(exchange))
              .body(body)
              .remoteAddress(exchange.getRemoteAddress().getAddress())
              .build();
      response = endpoint.apply(request);
    } catch (RuntimeException e) {
      log.error("Endpoint failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(), e);
      write(exchange, ServerResponse.builder(500).build());
      return;
    }
    response.whenComplete(
        (answer, failure) -> {
          if (failure != null) {
            log.error("Endpoint failed on {}", request, failure);
          }
          write(exchange, failure == null ? answer : ServerResponse.builder(500).build());
        });
  }

  private static void write(HttpExchange exchange, ServerResponse response) {
    try (exchange) {
      for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
        exchange.getResponseHeaders().put(header.getKey(), header.getValue());
      }
      int length = response.bodyLength();
      boolean noBody = length == 0 || exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(response.status(), noBody ? -1 : length);
      if (!noBody) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(response.body());
        }
      }
    } catch (IOException e) {
      log.debug("Could not answer {} (client gone?)", exchange.getRequestURI(), e);
    }
  }

  private static ServerResponse tooLarge() {
    ProblemResponse problem = Problems.of(413, "content-too-large", "The request body is larger than this service accepts");
    return ServerResponse.builder(problem.status()).body(problem.body(), problem.contentType()).build();
  }

  private static String authenticatedName(HttpExchange exchange) {
    HttpPrincipal principal = exchange.getPrincipal();
    return principal == null ? null : principal.getUsername();
  }
}
