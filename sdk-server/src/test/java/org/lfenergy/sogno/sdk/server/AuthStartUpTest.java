package org.lfenergy.sogno.sdk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.testkit.auth.TestIssuer;

/**
 * What start-up decides: a spec that requires tokens needs authentication configured (or
 * development mode on a loopback address), keys come over https unless local, and security the
 * runtime cannot check is refused.
 */
class AuthStartUpTest {

  @Test
  void aSecuredSpecWithoutAuthConfigurationRefusesToStartNamingTheVariables() {
    try (SecuredService service = new SecuredService()) {
      SognoServer.Builder builder = service.builder(SecuredService.config(Map.of()));

      assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("SOGNO_AUTH_ISSUER").hasMessageContaining("SOGNO_AUTH_AUDIENCE")
          .hasMessageContaining("SOGNO_AUTH_JWKS_URI").hasMessageContaining("SOGNO_AUTH_DISABLED=true")
          .hasMessageContaining("startCalculation").hasMessageContaining("getJob");
    }
  }

  @Test
  void aSpecWithoutSecurityNeedsNoAuthConfiguration() {
    ThingsService things = new ThingsService();
    try {
      assertThat(things.builder(ServerConfig.defaults()).build()).isNotNull();
    } finally {
      things.jobs.close();
    }
  }

  @Test
  void aPlainHttpJwksUrlOnAnotherHostIsRefused() {
    Map<String, String> environment = Map.of("SOGNO_AUTH_ISSUER", "https://id.example.org/realms/sogno",
        "SOGNO_AUTH_AUDIENCE", "reports", "SOGNO_AUTH_JWKS_URI", "http://id.example.org/realms/sogno/certs");

    assertThatThrownBy(() -> ServerConfig.fromEnvironment(environment)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jwksUri must be an https URL").hasMessageContaining("SOGNO_AUTH_INSECURE_HTTP=true")
        .hasMessageContaining("http://id.example.org/realms/sogno/certs");
  }

  @Test
  void aPlainHttpIssuerToDiscoverOnAnotherHostIsRefused() {
    Map<String, String> environment = Map.of("SOGNO_AUTH_ISSUER", "http://id.example.org/realms/sogno",
        "SOGNO_AUTH_AUDIENCE", "reports");

    assertThatThrownBy(() -> ServerConfig.fromEnvironment(environment)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("issuer must be an https URL");
  }

  @Test
  void theInsecureFlagAcceptsPlainHttp() {
    ServerConfig config = ServerConfig.fromEnvironment(Map.of("SOGNO_AUTH_ISSUER", "https://id.example.org/realms/sogno",
        "SOGNO_AUTH_AUDIENCE", "reports", "SOGNO_AUTH_JWKS_URI", "http://id.example.org/certs",
        "SOGNO_AUTH_INSECURE_HTTP", "true"));

    assertThat(config.auth().allowInsecureHttp()).isTrue();
  }

  @Test
  void developmentModeIsRefusedOnANonLoopbackBind() {
    try (SecuredService service = new SecuredService()) {
      SognoServer.Builder builder = service.builder(SecuredService.config(Map.of("SOGNO_AUTH_DISABLED", "true",
          "SOGNO_HTTP_HOST", "0.0.0.0")));

      assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("SOGNO_AUTH_DISABLED=true").hasMessageContaining("loopback")
          .hasMessageContaining("0.0.0.0");
    }
  }

  @Test
  void developmentModeOnLoopbackServesEveryRequestAsTheDevelopmentPrincipal() {
    try (SecuredService service = new SecuredService()) {
      Http http = service.start(SecuredService.config(Map.of("SOGNO_AUTH_DISABLED", "true")));

      HttpResponse<byte[]> me = http.get("/v1/me");
      HttpResponse<byte[]> job = http.postJson("/v1/calculations", "{\"input\":2}");

      assertThat(me.statusCode()).isEqualTo(200);
      assertThat(Http.json(me)).containsEntry("subject", "developer").containsEntry("development", true);
      assertThat(job.statusCode()).isEqualTo(202);
      assertThat(service.jobs.get((String) Http.json(job).get("id"), "developer")).isNotNull();
    }
  }

  @Test
  void developmentModeCannotBeCombinedWithAnIssuer() {
    try (TestIssuer issuer = TestIssuer.forAudience("reports")) {
      Map<String, String> environment = new java.util.HashMap<>(issuer.environment());
      environment.put("SOGNO_AUTH_DISABLED", "true");

      assertThatThrownBy(() -> ServerConfig.fromEnvironment(environment)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("SOGNO_AUTH_DISABLED=true").hasMessageContaining("SOGNO_AUTH_ISSUER");
    }
  }

  @Test
  void securityTheRuntimeCannotCheckIsRefused() {
    String spec = """
        openapi: 3.0.3
        info: {title: Keys, version: 1.0.0}
        security:
          - apiKey: []
        paths:
          /v1/things:
            get:
              operationId: listThings
              responses:
                '200': {description: Things.}
        components:
          securitySchemes:
            apiKey: {type: apiKey, in: header, name: X-API-Key}
        """;
    SognoServer.Builder builder = SognoServer.builder().spec("keys.yaml", spec).config(ServerConfig.defaults())
        .handle("listThings", request -> OperationResponse.status(200));

    assertThatThrownBy(builder::build).isInstanceOf(SpecLoadException.class)
        .hasMessageContaining("listThings").hasMessageContaining("bearer");
  }
}
