package org.lfenergy.sogno.sdk.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Response validation is off by default (production) and on when configured (tests). */
class ResponseValidationSwitchTest {
  private final ThingsService service = new ThingsService();

  @AfterEach
  void closeJobs() {
    service.jobs.close();
  }

  @Test
  void offByDefaultAnOffSpecAnswerGoesOutAsTheHandlerWroteIt() throws Exception {
    SognoServer server = service.builder(ServerConfig.defaults()).build();

    OutgoingResponse response = server.serve(getOffSpecThing()).get();

    assertThat(response.status()).isEqualTo(200);
    assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"name\":42");
    assertThat(service.violations).isEmpty();
  }

  @Test
  void onAnOffSpecAnswerBecomesAnInternalErrorAndIsReported() throws Exception {
    SognoServer server = service.builder(ServerConfig.defaults().withValidateResponses(true)).build();

    OutgoingResponse response = server.serve(getOffSpecThing()).get();

    assertThat(response.status()).isEqualTo(500);
    assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("\"name\"");
    assertThat(service.violations).singleElement()
        .satisfies(violation -> assertThat(violation.operationId()).isEqualTo("getThing"));
  }

  @Test
  void anUndeclaredStatusIsOffSpec() throws Exception {
    SognoServer server = SognoServer.builder().specResource("things.yaml").jobs(service.jobs)
        .config(ServerConfig.defaults().withValidateResponses(true))
        .onResponseViolation(service.violations::add)
        .handle("createThing", request -> OperationResponse.status(204))
        .handle("listThings", request -> OperationResponse.status(204))
        .handle("breakThing", request -> OperationResponse.status(204))
        .handle("getThing", request -> OperationResponse.status(204))
        .handle("deleteThing", request -> OperationResponse.json(204, java.util.Map.of("gone", true)))
        .handle("createShape", request -> OperationResponse.status(204))
        .handle("startCalculation", request -> OperationResponse.status(204))
        .build();

    OutgoingResponse listed = server.serve(IncomingRequest.builder("GET", "/v1/things").build()).get();
    OutgoingResponse deleted = server.serve(IncomingRequest.builder("DELETE",
        "/v1/things/3f0e6f3c-1d2b-4c5a-9e8f-0a1b2c3d4e5f").build()).get();

    assertThat(listed.status()).isEqualTo(500);
    assertThat(deleted.status()).isEqualTo(500);
    assertThat(service.violations).extracting(e -> e.errors().get(0).code())
        .containsExactly("undeclared-status", "unexpected-body");
  }

  private static IncomingRequest getOffSpecThing() {
    return IncomingRequest.builder("GET", "/v1/things/" + ThingsService.OFF_SPEC_ID).build();
  }
}
