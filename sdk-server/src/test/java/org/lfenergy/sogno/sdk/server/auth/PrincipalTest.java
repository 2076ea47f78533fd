package org.lfenergy.sogno.sdk.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.ApiRequest;
import org.lfenergy.sogno.sdk.core.ResponseReader;
import org.lfenergy.sogno.sdk.core.SognoClient;

class PrincipalTest {

  @Test
  void forwardsTheCallersTokenToAnotherServiceOverASocket() throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    HttpServer downstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    downstream.createContext("/v1/grids", exchange -> {
      received.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    downstream.start();
    try {
      Principal caller = Principal.of("alice", Set.of("grids.read"), Map.of("sub", "alice"), "the.callers.token");
      SognoClient client = SognoClient.builder()
          .baseUrl("http://127.0.0.1:" + downstream.getAddress().getPort())
          .build();

      client.newBuilder().authentication(caller.forwardedAuthentication().orElseThrow()).build()
          .execute(ApiRequest.builder("GET", "/v1/grids").build(), ResponseReader.discarding());

      assertThat(received).containsExactly("Bearer the.callers.token");
    } finally {
      downstream.stop(0);
    }
  }

  @Test
  void theDevelopmentPrincipalHasEveryScopeAndNoTokenToForward() {
    assertThat(Principal.DEVELOPER.hasScope("anything.write")).isTrue();
    assertThat(Principal.DEVELOPER.isDevelopment()).isTrue();
    assertThat(Principal.DEVELOPER.forwardedAuthentication()).isEmpty();
    assertThat(Principal.DEVELOPER.subject()).isEqualTo("developer");
  }

  @Test
  void toStringNeverShowsTheToken() {
    Principal principal = Principal.of("alice", Set.of("a"), Map.of(), "secret.token.value");

    assertThat(principal.toString()).contains("alice").doesNotContain("secret.token.value");
    assertThat(principal.hasScope("a")).isTrue();
    assertThat(principal.hasScope("b")).isFalse();
  }
}
