package org.lfenergy.sogno.sdk.server.javalin;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Enumeration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.lfenergy.sogno.sdk.server.IncomingRequest;
import org.lfenergy.sogno.sdk.server.OutgoingResponse;
import org.lfenergy.sogno.sdk.server.SognoServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link SognoServer} on Javalin (Jetty underneath), the framework the samples use. {@link
 * #start(SognoServer)} runs a Javalin of its own; {@link #routes(RoutesConfig, SognoServer)} adds the
 * runtime to a Javalin you configure yourself (every path and method goes to the runtime).
 *
 * <p>Until the runtime authenticates requests itself, a Javalin before-handler (given to {@link
 * #start(SognoServer, Consumer)}) may authenticate them and store the principal's name in the request
 * attribute {@link #PRINCIPAL_ATTRIBUTE}; the runtime takes it when the servlet request has no user
 * principal (jobs are owned by, and visible to, that principal).
 *
 * <p>{@link #close()} stops gracefully: readiness down, Jetty's {@code GracefulHandler} lets requests
 * in flight finish for up to {@link org.lfenergy.sogno.sdk.server.ServerConfig#shutdownGrace()},
 * idle keep-alive connections are closed early. Needs {@code io.javalin:javalin} on the class path
 * (an optional dependency of this module). Thread-safe; {@code close()} is idempotent.
 */
public final class JavalinServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(JavalinServer.class);

  /** The request attribute a before-handler sets to the authenticated principal's name. */
  public static final String PRINCIPAL_ATTRIBUTE = "org.lfenergy.sogno.sdk.server.principal";

  private final SognoServer server;
  private final Javalin javalin;
  private final int port;
  private final AtomicBoolean closed = new AtomicBoolean();

  private JavalinServer(SognoServer server, Javalin javalin) {
    this.server = server;
    this.javalin = javalin;
    this.port = javalin.port();
  }

  /** Starts a Javalin on the configured host and port that serves only {@code server}. */
  public static JavalinServer start(SognoServer server) {
    return start(server, routes -> { });
  }

  /**
   * Like {@link #start(SognoServer)}, with {@code before} adding routes first: before-handlers (say, an
   * authentication that sets {@link #PRINCIPAL_ATTRIBUTE}) and exception handlers for what they throw.
   */
  public static JavalinServer start(SognoServer server, Consumer<RoutesConfig> before) {
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(before, "before");
    Duration grace = server.config().shutdownGrace();
    Server[] jetty = new Server[1];
    Javalin javalin = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.jetty.modifyServer(s -> {
        s.insertHandler(new GracefulHandler());
        s.setStopTimeout(grace.toMillis());
        s.setStopAtShutdown(false);
        jetty[0] = s;
      });
      before.accept(config.routes);
      routes(config.routes, server);
    });
    javalin.start(server.config().host(), server.config().port());
    closeIdleConnectionsEarly(jetty[0], grace);
    server.ready(true);
    log.info("Listening on {}:{}", server.config().host(), javalin.port());
    return new JavalinServer(server, javalin);
  }

  /** Routes every method on every path of {@code routes} to {@code server}. */
  public static void routes(RoutesConfig routes, SognoServer server) {
    for (HandlerType type : HandlerType.values()) {
      if (type.isHttpMethod()) {
        routes.addHttpHandler(type, "/*", ctx -> serve(server, ctx));
        routes.addHttpHandler(type, "/", ctx -> serve(server, ctx));
      }
    }
  }

  private static void serve(SognoServer server, Context ctx) throws IOException {
    HttpServletRequest req = ctx.req();
    IncomingRequest.Builder request = IncomingRequest.builder(req.getMethod(), req.getRequestURI())
        .rawQuery(req.getQueryString())
        .remoteAddress(address(req.getRemoteAddr()))
        .principal(req.getUserPrincipal() == null ? ctx.attribute(PRINCIPAL_ATTRIBUTE) : req.getUserPrincipal().getName())
        .body(req.getInputStream(), req.getContentLengthLong());
    for (Enumeration<String> names = req.getHeaderNames(); names.hasMoreElements(); ) {
      String name = names.nextElement();
      for (Enumeration<String> values = req.getHeaders(name); values.hasMoreElements(); ) {
        request.header(name, values.nextElement());
      }
    }
    CompletableFuture<OutgoingResponse> answer = server.serve(request.build());
    if (answer.isDone()) {
      write(ctx, answer.join()); // answered already (all but jobs and long polls): no servlet async round trip
    } else {
      ctx.future(() -> answer.thenAccept(response -> write(ctx, response)));
    }
  }

  private static void write(Context ctx, OutgoingResponse response) {
    ctx.status(response.status());
    response.headers().forEach((name, values) -> values.forEach(value -> {
      if (name.equalsIgnoreCase("Content-Type")) {
        ctx.contentType(value); // else Javalin writes its default, text/plain
      } else {
        ctx.res().addHeader(name, value);
      }
    }));
    if (response.body().length > 0) {
      ctx.result(response.body());
    }
  }

  private static InetAddress address(String literal) {
    // Jetty reports the peer as an IP literal, so this does no DNS lookup.
    try {
      return literal == null ? null : InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** See the sample service: idle keep-alive connections must not hold shutdown up. */
  private static void closeIdleConnectionsEarly(Server jetty, Duration grace) {
    long idleMillis = Math.max(1, Math.min(1_000, grace.toMillis() / 4));
    for (Connector connector : jetty.getConnectors()) {
      if (connector instanceof AbstractConnector abstractConnector) {
        abstractConnector.setShutdownIdleTimeout(idleMillis);
      }
    }
  }

  /** The port listened on (the chosen one when configured with 0), also after {@link #close()}. */
  public int port() {
    return port;
  }

  /** {@code http://localhost:<port>}. */
  public URI baseUri() {
    return URI.create("http://localhost:" + port());
  }

  /** Stops gracefully (see the class comment). */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    server.ready(false);
    javalin.stop();
    log.info("Stopped listening on port {}", port());
  }
}
