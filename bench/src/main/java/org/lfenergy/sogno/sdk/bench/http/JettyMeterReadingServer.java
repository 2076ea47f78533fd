package org.lfenergy.sogno.sdk.bench.http;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.lfenergy.sogno.sdk.bench.http.MeterReadingAnswers.Answer;

/**
 * {@link MeterReadingServer} on Jetty 12 (one acceptor, one selector, {@code TCP_NODELAY} as Jetty sets
 * it by default), its handler non-blocking: it consumes the request body as it arrives and writes the
 * answer with the headers in one go.
 */
final class JettyMeterReadingServer implements MeterReadingServer {
  private final Server server;
  private final ServerConnector connector;

  private JettyMeterReadingServer(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  static JettyMeterReadingServer start() throws IOException {
    QueuedThreadPool threads = new QueuedThreadPool();
    threads.setName("bench-server");
    threads.setDaemon(true);
    Server server = new Server(threads);
    ServerConnector connector = new ServerConnector(server, 1, 1);
    connector.setHost(InetAddress.getLoopbackAddress().getHostAddress());
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract.NonBlocking() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        Content.Source.consumeAll(request, Callback.from(() -> answer(request, response, callback), callback::failed));
        return true;
      }
    });
    try {
      server.start();
    } catch (Exception e) {
      throw new IOException("Jetty did not start", e);
    }
    return new JettyMeterReadingServer(server, connector);
  }

  private static void answer(Request request, Response response, Callback callback) {
    Answer answer = MeterReadingAnswers.answer(request.getMethod(), request.getHttpURI().getPath());
    response.setStatus(answer.status());
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, answer.body().length);
    response.write(true, ByteBuffer.wrap(answer.body()), callback);
  }

  @Override
  public String baseUrl() {
    return "http://" + connector.getHost() + ":" + connector.getLocalPort() + "/api/meters";
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("Jetty did not stop", e);
    }
  }
}
