package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Redirect policy: which 3xx are followed, with which method, body and headers, to which origin. */
class RedirectTest {
  private static final String TOKEN = "Bearer origin-token";
  private final MockWebServer origin = new MockWebServer();
  private final MockWebServer other = new MockWebServer();
  private SognoClient client;

  @BeforeEach
  void start() throws Exception {
    origin.start();
    other.start();
    client = SognoClient.builder().baseUrl(origin.url("/api").toString())
        .authentication(Authentication.bearer("origin-token"))
        .retry(RetryConfig.disabled()).circuitBreaker(CircuitBreakerConfig.disabled()).build();
  }

  @AfterEach
  void stop() {
    origin.close();
    other.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void followsEachRedirectOfAGetWithinTheOriginKeepingItsHeaders(int code) throws Exception {
    origin.enqueue(redirect(code, "/api/v1/moved?x=1"));
    origin.enqueue(new MockResponse.Builder().body("\"ok\"").build());

    ApiResponse<String> response = client.execute(get().build(), ResponseReader.json(String.class));

    assertThat(response.body()).isEqualTo("ok");
    assertThat(response.uri().getPath()).isEqualTo("/api/v1/moved");
    origin.takeRequest(5, TimeUnit.SECONDS);
    RecordedRequest hop = origin.takeRequest(5, TimeUnit.SECONDS);
    assertThat(hop.getMethod()).isEqualTo("GET");
    assertThat(hop.getTarget()).isEqualTo("/api/v1/moved?x=1");
    assertThat(hop.getHeaders().get("Authorization")).isEqualTo(TOKEN);
    assertThat(hop.getHeaders().get("Cookie")).isEqualTo("session=abc");
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303})
  void aPostRedirectedWith301Or302Or303BecomesAGetWithoutBody(int code) throws Exception {
    origin.enqueue(redirect(code, "/api/v1/jobs/7"));
    origin.enqueue(new MockResponse.Builder().body("{}").build());

    assertThat(client.execute(post().build(), ResponseReader.discarding()).status()).isEqualTo(200);

    assertThat(origin.takeRequest(5, TimeUnit.SECONDS).getMethod()).isEqualTo("POST");
    RecordedRequest hop = origin.takeRequest(5, TimeUnit.SECONDS);
    assertThat(hop.getMethod()).isEqualTo("GET");
    assertThat(hop.getBodySize()).isZero();
    assertThat(hop.getHeaders().get("Content-Type")).isNull();
  }

  @ParameterizedTest
  @ValueSource(ints = {307, 308})
  void aPostWithoutIdempotencyKeyIsNotResentOn307Or308(int code) {
    origin.enqueue(redirect(code, "/api/v1/elsewhere"));
    origin.enqueue(new MockResponse.Builder().body("{}").build());

    ApiException e = catchThrowableOfType(ApiException.class, () -> client.execute(post().build(), ResponseReader.discarding()));

    assertThat(e.status()).isEqualTo(code);
    assertThat(e.header("Location")).contains("/api/v1/elsewhere");
    assertThat(origin.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {307, 308})
  void aPostWithIdempotencyKeyIsResentWithItsBodyOn307Or308(int code) throws Exception {
    origin.enqueue(redirect(code, "/api/v1/elsewhere"));
    origin.enqueue(new MockResponse.Builder().code(202).body("{}").build());

    assertThat(client.execute(post().idempotencyKey("k-1").build(), ResponseReader.discarding()).status()).isEqualTo(202);

    origin.takeRequest(5, TimeUnit.SECONDS);
    RecordedRequest hop = origin.takeRequest(5, TimeUnit.SECONDS);
    assertThat(hop.getMethod()).isEqualTo("POST");
    assertThat(hop.getTarget()).isEqualTo("/api/v1/elsewhere");
    assertThat(hop.getBody().string(StandardCharsets.UTF_8)).isEqualTo("{\"kind\":\"powerflow\"}");
    assertThat(hop.getHeaders().get("Idempotency-Key")).isEqualTo("k-1");
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aRedirectToAnotherOriginIsNotFollowedByDefault(int code) {
    origin.enqueue(redirect(code, other.url("/steal").toString()));

    ApiException e = catchThrowableOfType(ApiException.class, () -> client.execute(get().build(), ResponseReader.discarding()));

    assertThat(e.status()).isEqualTo(code);
    assertThat(e.header("Location")).contains(other.url("/steal").toString());
    assertThat(other.getRequestCount()).isZero();
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 302, 303, 307, 308})
  void aCrossOriginRedirectWhenAllowedCarriesNoCredentialsOrSecretHeaders(int code) throws Exception {
    SognoClient following = client.newBuilder()
        .redirects(RedirectConfig.builder().followCrossOrigin(true).sensitiveHeader("X-Api-Key").build())
        .logging(LoggingConfig.builder().redactHeader("X-Logged-Secret").build()).build();
    origin.enqueue(redirect(code, other.url("/files/1").toString()));
    other.enqueue(new MockResponse.Builder().body("\"there\"").build());

    ApiResponse<String> response = following.execute(get().header("X-Api-Key", "key-1")
        .header("X-Logged-Secret", "s-1").header("Proxy-Authorization", "Basic cHJveHk=").build(),
        ResponseReader.json(String.class));

    assertThat(response.body()).isEqualTo("there");
    assertThat(origin.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization")).isEqualTo(TOKEN);
    RecordedRequest hop = other.takeRequest(5, TimeUnit.SECONDS);
    for (String secret : new String[] {"Authorization", "Cookie", "Proxy-Authorization", "X-Api-Key", "X-Logged-Secret"}) {
      assertThat(hop.getHeaders().get(secret)).as(secret).isNull();
    }
    assertThat(hop.getHeaders().get("X-Correlation")).isEqualTo("c-1");
    assertThat(hop.getHeaders().get("X-Request-ID")).isNotBlank();
  }

  @Test
  void anAuthorizationSetOnTheRequestIsNotCarriedToAnotherOrigin() throws Exception {
    SognoClient following = client.newBuilder().redirects(RedirectConfig.builder().followCrossOrigin(true).build())
        .build();
    origin.enqueue(redirect(302, other.url("/x").toString()));
    other.enqueue(new MockResponse.Builder().code(204).build());

    following.execute(get().header("Authorization", "Basic ZXhwbGljaXQ=").build(), ResponseReader.discarding());

    assertThat(origin.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization")).isEqualTo("Basic ZXhwbGljaXQ=");
    assertThat(other.takeRequest(5, TimeUnit.SECONDS).getHeaders().get("Authorization")).isNull();
  }

  @Test
  void aRedirectLoopEndsInTransportException() {
    origin.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return redirect(302, "/api/v1/loop");
      }
    });
    SognoClient bounded = client.newBuilder().redirects(RedirectConfig.builder().maxRedirects(3).build()).build();

    assertThatThrownBy(() -> bounded.execute(get().build(), ResponseReader.discarding()))
        .isExactlyInstanceOf(TransportException.class).hasMessageContaining("Too many redirects");
    assertThat(origin.getRequestCount()).isEqualTo(4);
  }

  @Test
  void noRedirectIsFollowedWhenDisabled() {
    origin.enqueue(redirect(301, "/api/v1/moved"));
    SognoClient notFollowing = client.newBuilder().redirects(RedirectConfig.disabled()).build();

    assertThat(catchThrowableOfType(ApiException.class, () -> notFollowing.execute(get().build(),
        ResponseReader.discarding())).status()).isEqualTo(301);
    assertThat(origin.getRequestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "ftp://example.org/file", "http://[::not-a-host"})
  void aRedirectWithoutAUsableLocationGoesToTheCaller(String location) {
    origin.enqueue(location.isEmpty() ? new MockResponse.Builder().code(302).build() : redirect(302, location));

    assertThat(catchThrowableOfType(ApiException.class, () -> client.execute(get().build(),
        ResponseReader.discarding())).status()).isEqualTo(302);
    assertThat(origin.getRequestCount()).isEqualTo(1);
  }

  @Test
  void invalidSettingsAreRefusedNamingTheSetting() {
    assertThatThrownBy(() -> RedirectConfig.builder().maxRedirects(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxRedirects");
    assertThatThrownBy(() -> RedirectConfig.builder().sensitiveHeader(" ")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sensitiveHeader");
    RedirectConfig config = RedirectConfig.builder().followCrossOrigin(true).sensitiveHeader("X-Key").build();
    assertThat(config.toBuilder().build().sensitiveHeaders()).isEqualTo(config.sensitiveHeaders()).contains("x-key", "cookie");
  }

  private static MockResponse redirect(int code, String location) {
    return new MockResponse.Builder().code(code).setHeader("Location", location).build();
  }

  private static ApiRequest.Builder get() {
    return ApiRequest.builder("GET", "/v1/thing").header("Cookie", "session=abc").header("X-Correlation", "c-1");
  }

  private static ApiRequest.Builder post() {
    return ApiRequest.builder("POST", "/v1/jobs").body("{\"kind\":\"powerflow\"}".getBytes(StandardCharsets.UTF_8),
        "application/json").header("Cookie", "session=abc");
  }
}
