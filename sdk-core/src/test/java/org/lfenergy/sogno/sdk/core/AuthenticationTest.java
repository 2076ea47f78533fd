package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticationTest {
  static final String CLIENT_SECRET = "s3cr3t-client-secret";

  private final MockWebServer server = new MockWebServer();
  private final AtomicInteger tokensIssued = new AtomicInteger();
  private final List<String> authorizationsSeen = new CopyOnWriteArrayList<>();
  private final List<RecordedRequest> tokenRequests = new CopyOnWriteArrayList<>();
  private volatile String acceptedToken = "token-1";
  private volatile long tokenDelayMillis;
  private volatile int expiresInSeconds = 300;

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        if (request.getUrl().encodedPath().equals("/oauth/token")) {
          tokenRequests.add(request);
          Thread.sleep(tokenDelayMillis);
          String token = "token-" + tokensIssued.incrementAndGet();
          return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
              .body("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresInSeconds + "}")
              .build();
        }
        String authorization = request.getHeaders().get("Authorization");
        authorizationsSeen.add(String.valueOf(authorization));
        return ("Bearer " + acceptedToken).equals(authorization)
            ? new MockResponse.Builder().code(200).body("\"ok\"").build()
            : new MockResponse.Builder().code(401).setHeader("WWW-Authenticate", "Bearer").build();
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void oauth2TokenIsFetchedOnceAndCachedAcrossCalls() throws Exception {
    SognoClient client = client(oauth2(Clock.systemUTC()));

    call(client);
    call(client);
    call(client);

    assertThat(tokensIssued).hasValue(1);
    RecordedRequest tokenRequest = tokenRequests.get(0);
    assertThat(tokenRequest.getMethod()).isEqualTo("POST");
    assertThat(tokenRequest.getBody().string(StandardCharsets.UTF_8)).isEqualTo("grant_type=client_credentials&scope=powerflow+jobs");
    assertThat(tokenRequest.getHeaders().get("Authorization")).isEqualTo("Basic "
        + Base64.getEncoder().encodeToString(("powerflow-client:" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)));
    assertThat(authorizationsSeen).containsOnly("Bearer token-1");
  }

  @Test
  void oauth2TokenIsRefreshedShortlyBeforeItExpires() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    expiresInSeconds = 60;
    SognoClient client = client(oauth2(clock));

    call(client);
    clock.advance(Duration.ofSeconds(25));
    call(client);
    assertThat(tokensIssued).hasValue(1);

    acceptedToken = "token-2";
    clock.advance(Duration.ofSeconds(10)); // 35 s in: within the 30 s refresh margin of the 60 s token
    call(client);

    assertThat(tokensIssued).hasValue(2);
    assertThat(authorizationsSeen).containsExactly("Bearer token-1", "Bearer token-1", "Bearer token-2");
  }

  @Test
  void oauth2RefreshesOnceAndRetriesAfterA401() throws Exception {
    SognoClient client = client(oauth2(Clock.systemUTC()));
    call(client);
    acceptedToken = "token-2"; // the server revoked token-1

    assertThat(call(client).body()).isEqualTo("ok");

    assertThat(tokensIssued).hasValue(2);
    assertThat(authorizationsSeen).containsExactly("Bearer token-1", "Bearer token-1", "Bearer token-2");
  }

  @Test
  void a401AfterTheRefreshGoesToTheCaller() {
    acceptedToken = "never";
    SognoClient client = client(oauth2(Clock.systemUTC()));

    assertThatThrownBy(() -> call(client)).isInstanceOf(UnauthorizedException.class);
    assertThat(authorizationsSeen).containsExactly("Bearer token-1", "Bearer token-2");
  }

  @Test
  void twentyConcurrentCallersShareOneTokenRequest() throws Exception {
    tokenDelayMillis = 300;
    SognoClient client = client(oauth2(Clock.systemUTC()));
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<CompletableFuture<ApiResponse<String>>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        calls.add(CompletableFuture.supplyAsync(() -> {
          await(go);
          return call(client);
        }, pool));
      }
      go.countDown();

      calls.forEach(call -> assertThat(call.join().body()).isEqualTo("ok"));
      assertThat(tokensIssued).hasValue(1);
      assertThat(authorizationsSeen).hasSize(20).containsOnly("Bearer token-1");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentCallersShareTheFailureOfATokenFetchInsteadOfEachAskingAgain() throws Exception {
    try (MockWebServer idp = new MockWebServer()) {
      AtomicInteger tokenRequestCount = new AtomicInteger();
      idp.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
          tokenRequestCount.incrementAndGet();
          Thread.sleep(1000);
          return new MockResponse.Builder().code(503).build();
        }
      });
      idp.start();
      SognoClient client = client(OAuth2ClientCredentials.builder().tokenEndpoint(idp.url("/token").uri())
          .clientId("powerflow-client").clientSecret(CLIENT_SECRET).build());
      ExecutorService pool = Executors.newFixedThreadPool(10);
      try {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<ApiResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          calls.add(CompletableFuture.supplyAsync(() -> {
            await(go);
            return call(client);
          }, pool));
        }
        go.countDown();

        calls.forEach(call -> assertThatThrownBy(call::join).hasCauseInstanceOf(AuthenticationException.class));
        assertThat(tokenRequestCount).hasValueLessThanOrEqualTo(2); // one, or two if a caller arrived after the failure
        assertThat(authorizationsSeen).isEmpty();
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void aRejectedClientGivesAuthenticationExceptionWithoutTheSecret() throws Exception {
    try (MockWebServer idp = new MockWebServer()) {
      idp.start();
      idp.enqueue(new MockResponse.Builder().code(401).setHeader("Content-Type", "application/json")
          .body("{\"error\":\"invalid_client\",\"error_description\":\"bad secret\"}").build());
      SognoClient client = client(OAuth2ClientCredentials.builder().tokenEndpoint(idp.url("/token").uri())
          .clientId("powerflow-client").clientSecret(CLIENT_SECRET).build());

      assertThatThrownBy(() -> call(client))
          .isInstanceOf(AuthenticationException.class)
          .hasMessageContaining("invalid_client")
          .hasMessageContaining(idp.url("/token").toString())
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(CLIENT_SECRET));
      assertThat(authorizationsSeen).isEmpty();
    }
  }

  @Test
  void clientSecretCanBeSentInTheFormBody() throws Exception {
    SognoClient client = client(OAuth2ClientCredentials.builder().tokenEndpoint(server.url("/oauth/token").uri())
        .clientId("powerflow-client").clientSecret(CLIENT_SECRET).sendSecretInBody(true).build());

    call(client);

    assertThat(tokenRequests.get(0).getHeaders().get("Authorization")).isNull();
    assertThat(tokenRequests.get(0).getBody().string(StandardCharsets.UTF_8))
        .contains("client_id=powerflow-client", "client_secret=" + CLIENT_SECRET);
  }

  @Test
  void staticBearerIsSentAndA401IsNotRetried() {
    acceptedToken = "other";
    SognoClient client = client(Authentication.bearer("static-token"));

    assertThatThrownBy(() -> call(client)).isInstanceOf(UnauthorizedException.class);
    assertThat(authorizationsSeen).containsExactly("Bearer static-token");
  }

  @Test
  void tokenSupplierIsAskedAgainAfterA401() {
    AtomicReference<String> current = new AtomicReference<>("token-1");
    acceptedToken = "token-2";
    SognoClient client = client(Authentication.bearer(() -> current.getAndSet("token-2")));

    assertThat(call(client).body()).isEqualTo("ok");
    assertThat(authorizationsSeen).containsExactly("Bearer token-1", "Bearer token-2");
  }

  @Test
  void credentialsGoOnlyToTheBaseUrlsOrigin() throws Exception {
    try (MockWebServer elsewhere = new MockWebServer()) {
      elsewhere.start();
      elsewhere.enqueue(new MockResponse.Builder().code(200).body("\"ok\"").build());
      acceptedToken = "static-token";
      SognoClient client = client(Authentication.bearer("static-token"));

      call(client);
      client.execute(ApiRequest.builder("GET", elsewhere.url("/v1/jobs/1").uri()).build(), ResponseReader.discarding());
      client.execute(ApiRequest.builder("GET", URI.create("/v1/jobs/1")).build(), ResponseReader.discarding());

      assertThat(elsewhere.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization")).isNull();
      assertThat(authorizationsSeen).containsExactly("Bearer static-token", "Bearer static-token");
    }
  }

  @Test
  void aDifferentPortIsADifferentOrigin() throws Exception {
    try (MockWebServer samehostOtherPort = new MockWebServer()) {
      samehostOtherPort.start();
      samehostOtherPort.enqueue(new MockResponse.Builder().code(200).build());
      SognoClient client = client(Authentication.bearer("static-token"));

      client.execute(ApiRequest.builder("GET", samehostOtherPort.url("/x").uri()).build(), ResponseReader.discarding());

      assertThat(samehostOtherPort.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization")).isNull();
    }
  }

  private Authentication oauth2(Clock clock) {
    return OAuth2ClientCredentials.builder().tokenEndpoint(server.url("/oauth/token").toString())
        .clientId("powerflow-client").clientSecret(CLIENT_SECRET).scope("powerflow", "jobs").clock(clock).build();
  }

  private SognoClient client(Authentication authentication) {
    return SognoClient.builder().baseUrl(server.url("/api").toString()).authentication(authentication)
        .retry(RetryConfig.disabled()).circuitBreaker(CircuitBreakerConfig.disabled()).build();
  }

  private static ApiResponse<String> call(SognoClient client) {
    return client.execute(ApiRequest.builder("GET", "/v1/jobs").build(), ResponseReader.json(String.class));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
