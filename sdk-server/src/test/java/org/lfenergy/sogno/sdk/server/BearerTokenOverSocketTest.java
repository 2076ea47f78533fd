package org.lfenergy.sogno.sdk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lfenergy.sogno.sdk.server.BadInputOverSocketTest.assertProblem;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lfenergy.sogno.sdk.async.server.JobManagerException;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.testkit.auth.TestIssuer;

/**
 * Bearer tokens against the spec's {@code security}, over sockets, keys served by a loopback
 * {@link TestIssuer}: every kind of bad token is a 401 problem with a Bearer challenge, a missing
 * scope a 403 naming it, and a valid token's subject owns the jobs it starts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BearerTokenOverSocketTest {
  private final TestIssuer issuer = TestIssuer.forAudience("reports");
  private final SecuredService service = new SecuredService();
  private final Map<Adapter, Adapter.Running> running = new EnumMap<>(Adapter.class);

  @BeforeAll
  void start() {
    for (Adapter adapter : Adapter.values()) {
      running.put(adapter, adapter.start(service.builder(SecuredService.config(issuer.environment())).build()));
    }
  }

  @AfterAll
  void stop() {
    running.values().forEach(Adapter.Running::close);
    service.close();
    issuer.close();
    assertThat(service.violations).isEmpty();
  }

  private Http http(Adapter adapter) {
    return new Http(running.get(adapter).baseUri());
  }

  private Http http() {
    return http(Adapter.JDK);
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void aValidTokenIsServedAndItsPrincipalHandedToTheHandler(Adapter adapter) {
    HttpResponse<byte[]> response = http(adapter).get("/v1/me", "Authorization",
        bearer(issuer.token("alice").scopes("reports.read", "other").sign()));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.json(response)).containsEntry("principal", "alice").containsEntry("subject", "alice")
        .containsEntry("scopes", List.of("other", "reports.read")).containsEntry("development", false);
  }

  @ParameterizedTest
  @EnumSource(Adapter.class)
  void noTokenIsUnauthorizedWithABearerChallenge(Adapter adapter) {
    HttpResponse<byte[]> response = http(adapter).get("/v1/me");

    assertProblem(response, 401, "unauthorized");
    assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
  }

  @Test
  void aValidTokenStartsAJobOwnedByItsSubject() {
    String alice = issuer.token("alice").scopes("reports.write").sign();

    HttpResponse<byte[]> accepted = http().postJson("/v1/calculations", "{\"input\":21}", "Authorization", bearer(alice));

    assertThat(accepted.statusCode()).isEqualTo(202);
    String jobId = (String) Http.json(accepted).get("id");
    assertThat(service.jobs.get(jobId, "alice").id()).isEqualTo(jobId);
    assertThatThrownBy(() -> service.jobs.get(jobId, "mallory")).isInstanceOf(JobManagerException.class);
    assertThat(http().get("/v1/jobs/" + jobId, "Authorization", bearer(alice)).statusCode()).isEqualTo(200);
  }

  @Test
  void anotherPrincipalsJobIsNotFoundRatherThanForbidden() {
    String alice = issuer.token("alice").scopes("reports.write").sign();
    String bob = issuer.token("bob").scopes("reports.write").sign();
    String jobId = (String) Http.json(http().postJson("/v1/calculations", "{\"input\":1}", "Authorization",
        bearer(alice))).get("id");

    assertProblem(http().get("/v1/jobs/" + jobId, "Authorization", bearer(bob)), 404, "job-not-found");
    assertProblem(http().send("POST", "/v1/jobs/" + jobId + "/cancel", null, "Authorization", bearer(bob)), 404,
        "job-not-found");
    assertProblem(http().get("/v1/jobs/" + jobId), 401, "unauthorized");
  }

  @Test
  void aTokenLackingTheScopeIsForbiddenNamingIt() {
    HttpResponse<byte[]> response = http().postJson("/v1/calculations", "{\"input\":1}", "Authorization",
        bearer(issuer.token("alice").scopes("reports.read").sign()));

    assertProblem(response, 403, "forbidden");
    assertThat(Http.problem(response).detail()).contains("reports.write");
    assertThat(Http.problem(response).extensions()).containsEntry("missingScopes", List.of("reports.write"));
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer error=\"insufficient_scope\", scope=\"reports.write\"");
  }

  @Test
  void anyOneOfTheAlternativesSuffices() {
    assertThat(http().get("/v1/reports", "Authorization", bearer(issuer.token("a").scopes("reports.read").sign()))
        .statusCode()).isEqualTo(200);
    assertThat(http().get("/v1/reports", "Authorization", bearer(issuer.token("a").claim("scp",
        List.of("reports.admin")).sign())).statusCode()).isEqualTo(200);
    assertProblem(http().get("/v1/reports", "Authorization", bearer(issuer.token("a").scopes("reports.write").sign())),
        403, "forbidden");
  }

  @Test
  void keycloakRolesCountAsScopesWhenConfigured() {
    Map<String, String> environment = new java.util.HashMap<>(issuer.environment());
    environment.put("SOGNO_AUTH_REALM_ROLES", "true");
    environment.put("SOGNO_AUTH_CLIENT_ROLES", "reports-service");
    try (SecuredService keycloak = new SecuredService()) {
      Http http = keycloak.start(SecuredService.config(environment));

      assertThat(http.get("/v1/reports", "Authorization", bearer(issuer.token("a").realmRoles("reports.admin").sign()))
          .statusCode()).isEqualTo(200);
      assertThat(http.postJson("/v1/calculations", "{\"input\":1}", "Authorization", bearer(issuer.token("a")
          .clientRoles("reports-service", "reports.write").sign())).statusCode()).isEqualTo(202);
      assertProblem(http.get("/v1/reports", "Authorization", bearer(issuer.token("a")
          .clientRoles("another-client", "reports.read").sign())), 403, "forbidden");
    }
    assertProblem(http().get("/v1/reports", "Authorization", bearer(issuer.token("a").realmRoles("reports.admin")
        .sign())), 403, "forbidden");
  }

  @Test
  void anOperationWithoutSecurityNeedsNoToken() {
    HttpResponse<byte[]> response = http().get("/v1/notices");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(Http.json(response)).containsEntry("anonymous", true);
    assertThat(http().get("/health/live").statusCode()).isEqualTo(200);
  }

  @Test
  void malformedTokensAreInvalid() {
    for (String token : List.of("not.a.jwt", "garbage", "", "a.b.c.d.e", "eyJhbGciOiJSUzI1NiJ9..")) {
      assertInvalid(token);
    }
  }

  @Test
  void otherCredentialsGetTheBearerChallenge() {
    HttpResponse<byte[]> basic = http().get("/v1/me", "Authorization", "Basic YWxpY2U6c2VjcmV0");

    assertProblem(basic, 401, "unauthorized");
    assertThat(basic.headers().allValues("WWW-Authenticate")).containsExactly("Bearer");
  }

  @Test
  void anUnsignedTokenIsInvalid() {
    assertInvalid(new PlainJWT(claims("alice")).serialize());
  }

  @Test
  void anHmacTokenKeyedWithThePublicKeyIsInvalid() throws Exception {
    SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(issuer.keyId()).build(),
        claims("alice"));
    forged.sign(new MACSigner(issuer.publicKey().getEncoded()));

    assertInvalid(forged.serialize());
  }

  @Test
  void aTokenSignedByAnotherKeyWithTheSameKidIsInvalid() throws Exception {
    SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(issuer.keyId()).build(),
        claims("alice"));
    forged.sign(new RSASSASigner(new RSAKeyGenerator(2048).keyID(issuer.keyId()).generate()));

    assertInvalid(forged.serialize());
  }

  @Test
  void tokensOutsideTheirTimeAreInvalid() {
    assertInvalid(issuer.token("alice").expiresIn(Duration.ofMinutes(-2)).sign());
    assertInvalid(issuer.token("alice").notBefore(Instant.now().plus(Duration.ofMinutes(5))).sign());
    assertInvalid(issuer.token("alice").issuedAt(Instant.now().plus(Duration.ofMinutes(5))).sign());
  }

  @Test
  void tokensWithinTheClockSkewAreValid() {
    String token = issuer.token("alice").expiresIn(Duration.ofSeconds(-20))
        .notBefore(Instant.now().plusSeconds(20)).sign();

    assertThat(http().get("/v1/me", "Authorization", bearer(token)).statusCode()).isEqualTo(200);
  }

  @Test
  void tokensOfAnotherIssuerOrAudienceAreInvalid() {
    assertInvalid(issuer.token("alice").issuer(issuer.issuer() + "/").sign());
    assertInvalid(issuer.token("alice").issuer("https://evil.example.org/realms/test").sign());
    assertInvalid(issuer.token("alice").audience("billing").sign());
    assertThat(http().get("/v1/me", "Authorization", bearer(issuer.token("alice").audience("billing", "reports")
        .sign())).statusCode()).isEqualTo(200);
  }

  @Test
  void tokensWithoutSubjectOrExpiryAreInvalid() {
    assertInvalid(issuer.token("alice").claim("sub", null).sign());
    assertInvalid(issuer.token("alice").claim("sub", " ").sign());
    assertInvalid(issuer.token("alice").claim("exp", null).sign());
    assertInvalid(issuer.token("alice").claim("aud", null).sign());
  }

  @Test
  void twoAuthorizationHeadersAreRefused() {
    String token = bearer(issuer.token("alice").sign());
    HttpResponse<byte[]> response = http().get("/v1/me", "Authorization", token, "Authorization", token);

    assertProblem(response, 401, "unauthorized");
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_request\"");
  }

  private void assertInvalid(String token) {
    HttpResponse<byte[]> response = http().get("/v1/me", "Authorization", bearer(token));

    assertProblem(response, 401, "unauthorized");
    assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer error=\"invalid_token\"");
    Problem problem = Http.problem(response);
    assertThat(Http.text(response)).doesNotContain(token.isEmpty() ? "\u0000" : token);
    assertThat(problem.detail()).isEqualTo("The bearer token is invalid or expired.");
  }

  private JWTClaimsSet claims(String subject) {
    return new JWTClaimsSet.Builder().issuer(issuer.issuer()).audience("reports").subject(subject)
        .expirationTime(Date.from(Instant.now().plusSeconds(300))).build();
  }
}
