package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.SocketFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** A client built on the user's OkHttpClient sends small requests at once unless the user chose the sockets. */
class UserSuppliedHttpClientTest {
  @StartStop
  private final MockWebServer server = new MockWebServer();
  private final AtomicReference<Boolean> noDelay = new AtomicReference<>();

  @Test
  void aUserClientWithTheDefaultSocketFactoryGetsSocketsWithoutNagleDelay() {
    call(new OkHttpClient.Builder().eventListener(recordingNoDelay()).build());

    assertThat(noDelay.get()).isTrue();
  }

  @Test
  void aUserClientsOwnSocketFactoryIsLeftAlone() {
    call(new OkHttpClient.Builder().socketFactory(new NagleSocketFactory()).eventListener(recordingNoDelay()).build());

    assertThat(noDelay.get()).isFalse();
  }

  private void call(OkHttpClient http) {
    server.enqueue(new MockResponse.Builder().code(204).build());
    SognoClient client = SognoClient.builder().baseUrl(server.url("/").toString()).httpClient(http).build();

    assertThat(client.execute(ApiRequest.builder("POST", "/v1/readings").jsonBody(new byte[10_000]).build(),
        ResponseReader.discarding()).status()).isEqualTo(204);
  }

  private EventListener recordingNoDelay() {
    return new EventListener() {
      @Override
      public void connectionAcquired(Call call, Connection connection) {
        try {
          noDelay.set(connection.socket().getTcpNoDelay());
        } catch (SocketException e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }

  /** A user's own factory, distinct from the JDK default, that keeps Nagle's algorithm on. */
  private static final class NagleSocketFactory extends SocketFactory {
    private final SocketFactory delegate = SocketFactory.getDefault();

    @Override
    public Socket createSocket() throws IOException {
      return delegate.createSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      return delegate.createSocket(host, port, localHost, localPort);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return delegate.createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      return delegate.createSocket(address, port, localAddress, localPort);
    }
  }
}
