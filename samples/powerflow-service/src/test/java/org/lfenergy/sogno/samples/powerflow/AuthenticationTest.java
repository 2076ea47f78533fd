package org.lfenergy.sogno.samples.powerflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.samples.powerflow.HttpTestClient.Response;

/** Bearer tokens checked against a real JWKS endpoint, over HTTP (SOGNO-700 to SOGNO-703). */
class AuthenticationTest {
  private static TestIdentityProvider idp;
  private static PowerFlowService service;
  private static HttpTestClient client;

  @BeforeAll
  static void start() {
    idp = new TestIdentityProvider();
    service = PowerFlowService.start(ServiceConfig.fromEnvironment(Map.of(
        "SOGNO_HTTP_HOST", "127.0.0.1",
        "SOGNO_HTTP_PORT", "0",
        "SOGNO_AUTH_JWKS_URI", idp.jwksUri().toString(),
        "SOGNO_AUTH_ISSUER", TestIdentityProvider.ISSUER)));
    client = new HttpTestClient(service.baseUri());
  }

  @AfterAll
  static void stop() {
    service.close();
    idp.close();
  }

  private static Response startPowerFlow(String token) {
    return client.postJson("/v1/powerflows", Ieee14.requestBody(),
        "Authorization", "Bearer " + token);
  }

  private static void assertUnauthorized(Response answer, String challenge) {
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.header("WWW-Authenticate")).isEqualTo(challenge);
    assertThat(answer.json().get("code")).isEqualTo("unauthorized");
  }

  @Test
  void startsAndReadsJobsWithAValidToken() {
    String alice = idp.token("alice", "powerflow.write");

    Response accepted = startPowerFlow(alice);
    Response job = client.get(accepted.header("Location"), "Authorization", "Bearer " + alice);

    assertThat(accepted.status()).isEqualTo(202);
    assertThat(job.status()).isEqualTo(200);
  }

  @Test
  void hidesAJobFromOtherPrincipalsAsNotFound() {
    Response accepted = startPowerFlow(idp.token("alice", "powerflow.write"));

    Response asBob = client.get(accepted.header("Location"),
        "Authorization", "Bearer " + idp.token("bob", "powerflow.read"));

    assertThat(asBob.status()).isEqualTo(404);
    assertThat(asBob.json().get("code")).isEqualTo("job-not-found");
  }

  @Test
  void missingTokenIsUnauthorizedWithABearerChallenge() {
    assertUnauthorized(client.postJson("/v1/powerflows", Ieee14.requestBody()),
        "Bearer realm=\"powerflow\"");
  }

  @Test
  void forgedExpiredOrForeignTokensAreUnauthorized() {
    String invalid = "Bearer realm=\"powerflow\", error=\"invalid_token\"";
    Instant past = Instant.now().minusSeconds(3600);

    assertUnauthorized(startPowerFlow(idp.forgedToken("mallory", "powerflow.write")), invalid);
    assertUnauthorized(startPowerFlow(idp.token("alice", "powerflow.write",
        claims -> claims.expirationTime(Date.from(past)))), invalid);
    assertUnauthorized(startPowerFlow(idp.token("alice", "powerflow.write",
        claims -> claims.audience("another-service"))), invalid);
    assertUnauthorized(startPowerFlow(idp.token("alice", "powerflow.write",
        claims -> claims.issuer("https://elsewhere.test"))), invalid);
    assertUnauthorized(startPowerFlow("not-a-jwt"), invalid);
  }

  @Test
  void readScopeCannotStartAPowerFlow() {
    Response answer = startPowerFlow(idp.token("carol", "openid powerflow.read"));

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.json().get("code")).isEqualTo("forbidden");
    assertThat(answer.header("WWW-Authenticate"))
        .isEqualTo("Bearer realm=\"powerflow\", error=\"insufficient_scope\", scope=\"powerflow.write\"");
  }

  @Test
  void healthProbesAndTheContractNeedNoToken() {
    assertThat(client.get("/health/live").status()).isEqualTo(200);
    assertThat(client.get("/health/ready").status()).isEqualTo(200);
    assertThat(client.get("/openapi.yaml").status()).isEqualTo(200);
  }
}
