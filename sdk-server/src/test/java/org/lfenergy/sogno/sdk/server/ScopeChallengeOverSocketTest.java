package org.lfenergy.sogno.sdk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lfenergy.sogno.sdk.server.BadInputOverSocketTest.assertProblem;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.server.jdk.JdkServer;
import org.lfenergy.sogno.sdk.testkit.auth.TestIssuer;

/** Scope names come from the spec: the challenge header carries only RFC 6750 scope tokens. */
class ScopeChallengeOverSocketTest {
  private static final String SPEC = """
      openapi: 3.0.3
      info: {title: Odd scopes, version: 1.0.0}
      paths:
        /v1/things:
          get:
            operationId: listThings
            security:
              - oauth2: ['odd"scope', ok.scope]
            responses:
              '200': {description: Things.}
      components:
        securitySchemes:
          oauth2:
            type: oauth2
            flows:
              clientCredentials: {tokenUrl: 'https://id.example.org/token', scopes: {}}
      """;

  @Test
  void aScopeThatIsNoTokenIsNamedInTheProblemButLeftOutOfTheHeader() {
    try (TestIssuer issuer = TestIssuer.forAudience("things");
        JdkServer running = JdkServer.start(SognoServer.builder().spec("odd.yaml", SPEC)
            .config(SecuredService.config(issuer.environment()))
            .handle("listThings", request -> OperationResponse.status(200)).build())) {
      HttpResponse<byte[]> response = new Http(running.baseUri()).get("/v1/things", "Authorization",
          "Bearer " + issuer.token("alice").sign());

      assertProblem(response, 403, "forbidden");
      assertThat(Http.problem(response).extensions()).containsEntry("missingScopes", List.of("odd\"scope", "ok.scope"));
      assertThat(response.headers().allValues("WWW-Authenticate"))
          .containsExactly("Bearer error=\"insufficient_scope\", scope=\"ok.scope\"");
    }
  }
}
