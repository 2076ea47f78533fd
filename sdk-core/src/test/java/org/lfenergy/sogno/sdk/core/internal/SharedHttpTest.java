package org.lfenergy.sogno.sdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class SharedHttpTest {

  @Test
  void sharedClientOpensSocketsWithoutNagleDelay() throws Exception {
    AtomicReference<Boolean> noDelay = new AtomicReference<>();
    OkHttpClient client = SharedHttp.base().newBuilder()
        .eventListener(new EventListener() {
          @Override
          public void connectionAcquired(Call call, Connection connection) {
            try {
              noDelay.set(connection.socket().getTcpNoDelay());
            } catch (java.net.SocketException e) {
              throw new IllegalStateException(e);
            }
          }
        })
        .build();
    try (MockWebServer server = new MockWebServer()) {
      server.enqueue(new MockResponse.Builder().code(204).build());
      server.start();

      Request post = new Request.Builder().url(server.url("/v1/readings"))
          .post(RequestBody.create(new byte[100_000], MediaType.get("application/json"))).build();
      try (Response response = client.newCall(post).execute()) {
        assertThat(response.code()).isEqualTo(204);
      }
    }

    assertThat(noDelay.get()).isTrue();
  }

  @Test
  void sharedClientAllowsManyConcurrentCallsPerHost() {
    assertThat(SharedHttp.base().dispatcher().getMaxRequestsPerHost()).isEqualTo(SharedHttp.MAX_REQUESTS_PER_HOST);
  }
}
