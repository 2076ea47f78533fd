package org.lfenergy.sogno.samples.powerflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lfenergy.sogno.samples.powerflow.HttpTestClient.Response;
import org.lfenergy.sogno.sdk.testkit.auth.TestIssuer;

/**
 * Bearer tokens from a real issuer (sdk-testkit-auth's {@link TestIssuer} serving its JWKS over
 * loopback), checked by the runtime as the spec's {@code security} says (SOGNO-700 to SOGNO-703):
 * {@code powerflow.write} starts power flows, {@code powerflow.read} or write reads jobs.
 */
class AuthenticationTest {
  private static final String INVALID_TOKEN = "Bearer error=\"invalid_token\"";
  private static TestIssuer issuer;
  private static PowerFlowService service;
  private static HttpTestClient client;
  @TempDir static Path jobsDir;

  @BeforeAll
  static void start() {
    issuer = TestIssuer.forAudience(ServiceConfig.DEFAULT_AUDIENCE);
    Map<String, String> env = new HashMap<>(issuer.environment());
    env.remove("SOGNO_AUTH_AUDIENCE"); // the service's default audience is the issuer's
    env.putAll(Map.of("SOGNO_HTTP_HOST", "127.0.0.1", "SOGNO_HTTP_PORT", "0", "SOGNO_JOBS_DIR", jobsDir.toString()));
    service = PowerFlowService.start(ServiceConfig.fromEnvironment(env));
    client = new HttpTestClient(service.baseUri());
  }

  @AfterAll
  static void stop() {
    service.close();
    issuer.close();
  }

  private static String token(String subject, String... scopes) {
    return issuer.token(subject).scopes(scopes).sign();
  }

  private static Response startPowerFlow(String token) {
    return client.postJson("/v1/powerflows", Ieee14.requestBody(), "Authorization", "Bearer " + token);
  }

  private static void assertUnauthorized(Response answer, String challenge) {
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.header("WWW-Authenticate")).isEqualTo(challenge);
    assertThat(answer.json().get("code")).isEqualTo("unauthorized");
  }

  @Test
  void writeScopeStartsAPowerFlowAndReadsItsJob() {
    String alice = token("alice", "powerflow.write");

    Response accepted = startPowerFlow(alice);
    Response job = client.get(accepted.header("Location"), "Authorization", "Bearer " + alice);

    assertThat(accepted.status()).isEqualTo(202);
    assertThat(job.status()).isEqualTo(200);
  }

  @Test
  void readScopeReadsTheJobsOfItsSubject() {
    Response accepted = startPowerFlow(token("dave", "powerflow.write"));

    Response job = client.get(accepted.header("Location"), "Authorization", "Bearer " + token("dave", "powerflow.read"));

    assertThat(job.status()).isEqualTo(200);
  }

  @Test
  void hidesAJobFromOtherPrincipalsAsNotFound() {
    Response accepted = startPowerFlow(token("alice", "powerflow.write"));

    Response asBob = client.get(accepted.header("Location"), "Authorization", "Bearer " + token("bob", "powerflow.read"));

    assertThat(asBob.status()).isEqualTo(404);
    assertThat(asBob.json().get("code")).isEqualTo("job-not-found");
  }

  @Test
  void listsTheBusResultsOfItsOwnPowerFlowOnlyAndHidesOthersAsNotFound() {
    String alice = token("alice", "powerflow.write");
    Response done = client.postJson("/v1/powerflows", Ieee14.requestBody(), "Authorization", "Bearer " + alice,
        "Prefer", "wait=30");
    String buses = "/v1/powerflows/" + done.json().get("id") + "/buses";

    Response asAlice = client.get(buses, "Authorization", "Bearer " + token("alice", "powerflow.read"));
    Response asBob = client.get(buses, "Authorization", "Bearer " + token("bob", "powerflow.read"));

    assertThat(done.json().get("status")).isEqualTo("succeeded");
    assertThat(asAlice.status()).isEqualTo(200);
    assertThat((List<?>) asAlice.json().get("items")).hasSize(14);
    assertThat(asBob.status()).isEqualTo(404);
    assertThat(asBob.json().get("code")).isEqualTo("job-not-found");
  }

  @Test
  void missingTokenIsUnauthorizedWithABearerChallenge() {
    assertUnauthorized(client.postJson("/v1/powerflows", Ieee14.requestBody()), "Bearer");
    assertUnauthorized(client.get("/v1/jobs/00000000-0000-4000-8000-000000000000"), "Bearer");
  }

  @Test
  void forgedExpiredOrForeignTokensAreUnauthorized() {
    assertUnauthorized(startPowerFlow(issuer.token("mallory").scopes("powerflow.write").keyId("unknown").sign()),
        INVALID_TOKEN);
    assertUnauthorized(startPowerFlow(issuer.token("alice").scopes("powerflow.write")
        .expiresIn(Duration.ofMinutes(-1)).sign()), INVALID_TOKEN);
    assertUnauthorized(startPowerFlow(issuer.token("alice").scopes("powerflow.write")
        .audience("another-service").sign()), INVALID_TOKEN);
    assertUnauthorized(startPowerFlow(issuer.token("alice").scopes("powerflow.write")
        .issuer("https://elsewhere.test").sign()), INVALID_TOKEN);
    assertUnauthorized(startPowerFlow("garbage"), INVALID_TOKEN);
  }

  @Test
  void readScopeCannotStartAPowerFlow() {
    Response answer = startPowerFlow(token("carol", "openid", "powerflow.read"));

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.json().get("code")).isEqualTo("forbidden");
    assertThat(answer.header("WWW-Authenticate"))
        .isEqualTo("Bearer error=\"insufficient_scope\", scope=\"powerflow.write\"");
  }

  @Test
  void aTokenWithoutEitherScopeCannotReadJobs() {
    Response answer = client.get("/v1/jobs/00000000-0000-4000-8000-000000000000",
        "Authorization", "Bearer " + token("erin", "openid"));

    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.json().get("code")).isEqualTo("forbidden");
  }

  @Test
  void healthProbesAndTheContractNeedNoToken() {
    assertThat(client.get("/health/live").status()).isEqualTo(200);
    assertThat(client.get("/health/ready").status()).isEqualTo(200);
    assertThat(client.get("/openapi.yaml").status()).isEqualTo(200);
  }
}
