package org.lfenergy.sogno.sdk.core;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;

/**
 * Client sockets with a small receive buffer, so what a server manages to write is bounded by what the
 * client reads (plus a few KiB in kernel buffers) and tests can tell "read" from "drained".
 */
final class SmallBufferSockets extends SocketFactory {
  static final int RECEIVE_BUFFER = 16 * 1024;

  /** An OkHttp client whose connections use these sockets. */
  static OkHttpClient httpClient() {
    return new OkHttpClient.Builder().socketFactory(new SmallBufferSockets()).build();
  }

  @Override
  public Socket createSocket() throws SocketException {
    Socket socket = new Socket();
    socket.setReceiveBufferSize(RECEIVE_BUFFER); // before connecting, so the TCP window is small from the start
    return socket;
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
    throw new UnsupportedOperationException("OkHttp connects unconnected sockets");
  }
}
