package org.lfenergy.sogno.sdk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.SognoJson;

/** What start-up says about specs that cannot be served, and that OpenAPI 3.1 specs are served too. */
class SpecLoadingTest {
  private static final String PING_31 = """
      openapi: 3.1.0
      info: {title: ping, version: 1.0.0}
      paths:
        /v1/pings:
          post:
            operationId: ping
            requestBody:
              required: true
              content:
                application/json:
                  schema:
                    type: object
                    required: [count]
                    properties:
                      count: {type: integer, maximum: 3}
                      note: {type: [string, 'null']}
            responses:
              '200':
                description: pong
                content:
                  application/json:
                    schema: {type: object}
      """;

  @Test
  void anOperationWithoutAHandlerFailsStartUpNamingIt() {
    assertThatThrownBy(() -> SognoServer.builder().spec("ping.yaml", PING_31).build())
        .isInstanceOf(SpecLoadException.class)
        .hasMessageContaining("operation ping (POST /v1/pings) has no handler");
  }

  @Test
  void aHandlerForNoOperationFailsStartUpNamingIt() {
    assertThatThrownBy(() -> SognoServer.builder().spec("ping.yaml", PING_31)
            .handle("ping", request -> OperationResponse.ok(Map.of()))
            .handle("pong", request -> OperationResponse.ok(Map.of())).build())
        .isInstanceOf(SpecLoadException.class)
        .hasMessageContaining("a handler is registered for pong, which the spec does not have");
  }

  @Test
  void aSpecThatDoesNotParseFailsStartUpWithTheLocation() {
    assertThatThrownBy(() -> SognoServer.builder().spec("broken.yaml", "openapi: 3.0.3\npaths: [oops").build())
        .isInstanceOf(SpecLoadException.class)
        .hasMessageContaining("broken.yaml")
        .satisfies(e -> assertThat(((SpecLoadException) e).problems()).isNotEmpty());
  }

  @Test
  void anOperationWithoutOperationIdFailsStartUp() {
    String spec = PING_31.replace("      operationId: ping\n", "");
    assertThatThrownBy(() -> SognoServer.builder().spec("ping.yaml", spec).build())
        .isInstanceOf(SpecLoadException.class)
        .hasMessageContaining("POST /v1/pings has no operationId");
  }

  @Test
  void servesAnOpenApi31SpecWithItsTypeArrays() throws Exception {
    SognoServer server = SognoServer.builder().spec("ping.yaml", PING_31)
        .handle("ping", request -> OperationResponse.ok(Map.of("pong", true))).build();

    OutgoingResponse ok = post(server, "{\"count\":1,\"note\":null}");
    OutgoingResponse bad = post(server, "{\"count\":4,\"note\":5}");

    assertThat(ok.status()).isEqualTo(200);
    assertThat(bad.status()).isEqualTo(400);
    Problem problem = SognoJson.defaults().read(bad.body(), Problem.class);
    assertThat(problem.errors()).extracting(Problem.FieldError::pointer, Problem.FieldError::code)
        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("#/count", "maximum"),
            org.assertj.core.groups.Tuple.tuple("#/note", "type"));
  }

  private static OutgoingResponse post(SognoServer server, String json) throws Exception {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return server.serve(IncomingRequest.builder("POST", "/v1/pings")
        .header("Content-Type", "application/json")
        .body(new ByteArrayInputStream(body), body.length).build()).get();
  }
}
