package org.lfenergy.sogno.sdk.core;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback TCP server that misbehaves on purpose (resets, truncates, counts what it could write),
 * for failures MockWebServer cannot produce. Reads each request's head, then hands the socket to the
 * behaviour.
 */
final class RawHttpServer implements AutoCloseable {
  interface Behaviour {
    void respond(Socket socket) throws IOException;
  }

  private final ServerSocket serverSocket;
  private final Thread acceptor;
  private final AtomicInteger connections = new AtomicInteger();

  RawHttpServer(Behaviour behaviour) throws IOException {
    serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    acceptor = new Thread(() -> {
      while (!serverSocket.isClosed()) {
        try (Socket socket = serverSocket.accept()) {
          connections.incrementAndGet();
          readRequestHead(socket);
          behaviour.respond(socket);
        } catch (IOException e) {
          // closed by close(), or the client went away: next connection
        }
      }
    }, "raw-http-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A server that answers with a TCP reset. */
  static RawHttpServer resetting() throws IOException {
    return new RawHttpServer(socket -> socket.setSoLinger(true, 0));
  }

  /** A server that announces {@code declaredLength} bytes, sends {@code body}, and hangs up. */
  static RawHttpServer truncating(int status, String contentType, String body, int declaredLength) throws IOException {
    return new RawHttpServer(socket -> {
      socket.getOutputStream().write(("HTTP/1.1 " + status + " X\r\nContent-Type: " + contentType + "\r\nContent-Length: "
          + declaredLength + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
    });
  }

  /**
   * A server that announces {@code length} bytes of body and writes them in 8 KiB chunks through a small
   * send buffer, adding what each write handed to the kernel to {@code written}, until done or the
   * client hangs up; then completes {@code finished}.
   */
  static RawHttpServer counting(int status, long length, AtomicLong written,
      CompletableFuture<Void> finished) throws IOException {
    return new RawHttpServer(socket -> {
      try {
        socket.setSendBufferSize(16 * 1024);
        OutputStream out = socket.getOutputStream();
        out.write(("HTTP/1.1 " + status + " X\r\nContent-Type: application/json\r\nContent-Length: " + length
            + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] chunk = new byte[8192];
        Arrays.fill(chunk, (byte) 'x');
        for (long left = length; left > 0; left -= chunk.length) {
          int size = (int) Math.min(chunk.length, left);
          out.write(chunk, 0, size);
          written.addAndGet(size);
        }
        out.flush();
      } finally {
        finished.complete(null);
      }
    });
  }

  String url() {
    return "http://" + serverSocket.getInetAddress().getHostAddress() + ":" + serverSocket.getLocalPort();
  }

  int connections() {
    return connections.get();
  }

  private static void readRequestHead(Socket socket) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
    for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
      // the request head is read and ignored
    }
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
  }
}
