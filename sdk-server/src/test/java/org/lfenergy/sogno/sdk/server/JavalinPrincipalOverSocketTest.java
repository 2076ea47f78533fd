package org.lfenergy.sogno.sdk.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lfenergy.sogno.sdk.server.javalin.JavalinServer;

/**
 * A Javalin before-handler given to {@code JavalinServer.start(server, before)} runs before the runtime,
 * and the principal it stores in {@link JavalinServer#PRINCIPAL_ATTRIBUTE} owns the jobs it starts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JavalinPrincipalOverSocketTest {
  private final ThingsService service = new ThingsService();
  private JavalinServer running;
  private Http http;

  @BeforeAll
  void start() {
    SognoServer server = service.builder(ServerConfig.builder().host("127.0.0.1").port(0).build()).build();
    running = JavalinServer.start(server, routes -> routes.before("/v1/*",
        ctx -> ctx.attribute(JavalinServer.PRINCIPAL_ATTRIBUTE, ctx.header("X-Test-User"))));
    http = new Http(running.baseUri());
  }

  @AfterAll
  void stop() {
    running.close();
    service.jobs.close();
  }

  @Test
  void theJobBelongsToThePrincipalTheBeforeHandlerSet() {
    HttpResponse<byte[]> accepted = http.postJson("/v1/calculations", "{\"input\":1}", "X-Test-User", "alice");
    String location = accepted.headers().firstValue("Location").orElseThrow();

    HttpResponse<byte[]> asAlice = http.get(location, "X-Test-User", "alice");
    HttpResponse<byte[]> asBob = http.get(location, "X-Test-User", "bob");

    assertThat(accepted.statusCode()).isEqualTo(202);
    assertThat(asAlice.statusCode()).isEqualTo(200);
    assertThat(asBob.statusCode()).isEqualTo(404);
    assertThat(Http.problem(asBob).code()).isEqualTo("job-not-found");
  }
}
