package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** Secrets never reach logs or exception messages, even with bodies logged at the most verbose level. */
class LogRedactionTest {
  private static final String CLIENT_SECRET = "client-secret-value-123";
  private static final String ACCESS_TOKEN = "access-token-value-456";
  private static final String COOKIE = "session=cookie-value-789";
  private static final String SET_COOKIE = "session=server-cookie-000";
  private static final String API_KEY = "api-key-value-abc";
  private static final String URL_USER = "url-user-name";
  private static final String URL_PASSWORD = "url-password-def";
  private static final String URL_SECRET = "url-signature-ghi";
  private static final List<String> SECRETS = List.of(CLIENT_SECRET, ACCESS_TOKEN, "cookie-value-789",
      "server-cookie-000", API_KEY);

  private final MockWebServer server = new MockWebServer();
  private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private Level previousLevel;

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getUrl().encodedPath().equals("/token")) {
          return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
              .body("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":300}").build();
        }
        return new MockResponse.Builder().code(403).setHeader("Content-Type", "application/json")
            .setHeader("Set-Cookie", SET_COOKIE).body("{\"detail\":\"forbidden\"}").build();
      }
    });
    server.start();
    previousLevel = root.getLevel();
    root.setLevel(Level.TRACE);
    captured.start();
    root.addAppender(captured);
  }

  @AfterEach
  void stop() {
    root.detachAppender(captured);
    root.setLevel(previousLevel);
    server.close();
  }

  @Test
  void secretsAreAbsentFromCapturedLogsAndExceptionMessages() {
    SognoClient client = SognoClient.builder().baseUrl(server.url("/api").toString())
        .authentication(OAuth2ClientCredentials.builder().tokenEndpoint(server.url("/token").uri())
            .clientId("ui").clientSecret(CLIENT_SECRET).sendSecretInBody(true).build())
        .logging(LoggingConfig.builder().bodies(true).redactHeader("X-Api-Key").build())
        .retry(RetryConfig.disabled())
        .build();

    Throwable failure = catchThrowable(() -> client.execute(ApiRequest.builder("POST", "/v1/jobs")
        .queryParam("api_key", API_KEY).queryParam("page", 2)
        .header("Cookie", COOKIE).header("X-Api-Key", API_KEY).jsonBody("{\"kind\":\"powerflow\"}").build(),
        ResponseReader.discarding()));

    assertThat(failure).isInstanceOf(ForbiddenException.class);
    List<String> logged = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(logged).anySatisfy(line -> assertThat(line).contains("--> POST").contains("?api_key=██&page=2").contains("Authorization: ██")
        .contains("Cookie: ██").contains("X-Api-Key: ██").contains("powerflow"));
    assertThat(logged).anySatisfy(line -> assertThat(line).contains("<-- 403").contains("Set-Cookie: ██").contains("forbidden"));
    assertThat(String.join("\n", logged)).doesNotContain(SECRETS);
    assertThat(everythingIn(failure)).doesNotContain(SECRETS);
  }

  @Test
  void bodiesAreNotLoggedByDefault() {
    SognoClient client = SognoClient.builder().baseUrl(server.url("/api").toString()).retry(RetryConfig.disabled()).build();

    catchThrowable(() -> client.execute(ApiRequest.builder("POST", "/v1/jobs").jsonBody("body-marker").build(),
        ResponseReader.discarding()));

    List<String> logged = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(logged).anySatisfy(line -> assertThat(line).contains("--> POST"));
    assertThat(String.join("\n", logged)).doesNotContain("body-marker", "forbidden");
  }

  @Test
  void logsNothingBelowDebug() {
    root.setLevel(Level.INFO);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(204).build();
      }
    });
    SognoClient client = SognoClient.builder().baseUrl(server.url("/").toString()).build();

    client.execute(ApiRequest.builder("GET", "/x").build(), ResponseReader.discarding());

    assertThat(captured.list).isEmpty();
  }

  @Test
  void passwordsInUrlsAndConfiguredQueryParametersAreMaskedInLogs() {
    SognoClient client = SognoClient.builder().baseUrl(withUserInfo(server.url("/api").toString()))
        .logging(LoggingConfig.builder().redactQueryParam("sig").build()).retry(RetryConfig.disabled()).build();

    catchThrowable(() -> client.execute(ApiRequest.builder("GET", "/v1/jobs").queryParam("sig", URL_SECRET)
        .queryParam("page", 2).build(), ResponseReader.discarding()));

    List<String> logged = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(logged).anySatisfy(line -> assertThat(line).contains("--> GET http://██@")
        .contains("/api/v1/jobs?sig=██&page=2"));
    assertThat(String.join("\n", logged)).doesNotContain(URL_USER, URL_PASSWORD, URL_SECRET);
  }

  @Test
  void passwordsInUrlsAndQueryParametersAreAbsentFromApiExceptionMessages() {
    SognoClient client = SognoClient.builder().baseUrl(withUserInfo(server.url("/api").toString()))
        .retry(RetryConfig.disabled()).build();

    Throwable failure = catchThrowable(() -> client.execute(ApiRequest.builder("GET", "/v1/jobs")
        .queryParam("sig", URL_SECRET).build(), ResponseReader.discarding()));

    assertThat(failure).isInstanceOf(ForbiddenException.class).hasMessageContaining("GET http://██@");
    assertThat(everythingIn(failure)).doesNotContain(URL_USER, URL_PASSWORD, URL_SECRET);
    assertThat(((ApiException) failure).response().toString()).startsWith("403 GET http://██@")
        .doesNotContain(URL_USER, URL_PASSWORD, URL_SECRET);
  }

  @Test
  void passwordsInUrlsAndQueryParametersAreAbsentFromTransportFailures() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    SognoClient client = SognoClient.builder().baseUrl(withUserInfo("http://127.0.0.1:" + port + "/api"))
        .retry(RetryConfig.disabled()).circuitBreaker(CircuitBreakerConfig.disabled()).build();

    Throwable failure = catchThrowable(() -> client.execute(ApiRequest.builder("GET", "/v1/jobs")
        .queryParam("sig", URL_SECRET).build(), ResponseReader.discarding()));

    assertThat(failure).isExactlyInstanceOf(TransportException.class)
        .hasMessageContaining("GET http://██@127.0.0.1:" + port + "/api/v1/jobs failed");
    assertThat(everythingIn(failure)).doesNotContain(URL_USER, URL_PASSWORD, URL_SECRET);
  }

  @Test
  void passwordsInUrlsAndQueryParametersAreAbsentFromJsonFailures() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body("{not json").build();
      }
    });
    SognoClient client = SognoClient.builder().baseUrl(withUserInfo(server.url("/api").toString())).build();

    Throwable failure = catchThrowable(() -> client.execute(ApiRequest.builder("GET", "/v1/jobs")
        .queryParam("sig", URL_SECRET).build(), ResponseReader.json(Object.class)));

    assertThat(failure).isInstanceOf(JsonException.class).hasMessageContaining("from GET http://██@");
    assertThat(everythingIn(failure)).doesNotContain(URL_USER, URL_PASSWORD, URL_SECRET);
  }

  @Test
  void passwordsInUrlsAreAbsentFromClientAndResponseInfoToString() {
    SognoClient client = SognoClient.builder().baseUrl(withUserInfo("https://platform.example/api")).build();
    ResponseInfo info = ResponseInfo.builder().status(404).method("GET")
        .uri(URI.create(withUserInfo("https://platform.example/api/v1?sig=" + URL_SECRET + "#frag"))).build();

    assertThat(client.toString()).isEqualTo("SognoClient{https://██@platform.example/api}");
    assertThat(info.toString()).isEqualTo("404 GET https://██@platform.example/api/v1");
  }

  @Test
  void passwordsInTheTokenEndpointUrlAreAbsentFromAuthenticationFailuresAndLogs() {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder().code(401).setHeader("Content-Type", "application/json")
            .body("{\"error\":\"invalid_client\"}").build();
      }
    });
    OAuth2ClientCredentials credentials = OAuth2ClientCredentials.builder()
        .tokenEndpoint(withUserInfo(server.url("/token").toString()) + "?sig=" + URL_SECRET)
        .clientId("ui").clientSecret(CLIENT_SECRET).build();
    SognoClient client = SognoClient.builder().baseUrl(server.url("/api").toString()).authentication(credentials)
        .retry(RetryConfig.disabled()).build();

    Throwable failure = catchThrowable(() -> client.execute(ApiRequest.builder("GET", "/v1/jobs").build(),
        ResponseReader.discarding()));

    assertThat(failure).isInstanceOf(AuthenticationException.class).hasMessageContaining("http://██@");
    List<String> logged = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(everythingIn(failure) + String.join("\n", logged) + credentials)
        .doesNotContain(URL_USER, URL_PASSWORD, URL_SECRET, CLIENT_SECRET);
  }

  private static String withUserInfo(String url) {
    return url.replaceFirst("://", "://" + URL_USER + ":" + URL_PASSWORD + "@");
  }

  private static String everythingIn(Throwable failure) {
    StringWriter text = new StringWriter();
    failure.printStackTrace(new PrintWriter(text));
    if (failure instanceof ApiException api) {
      text.append(api.problem().toString());
    }
    return text.toString();
  }
}
