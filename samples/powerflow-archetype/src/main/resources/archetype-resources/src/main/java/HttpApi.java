package ${package};

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.lfenergy.sogno.sdk.async.server.http.JobEndpoints;
import org.lfenergy.sogno.sdk.core.JsonException;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.core.server.ExceptionProblemMapper;
import org.lfenergy.sogno.sdk.core.server.ProblemException;
import org.lfenergy.sogno.sdk.core.server.Problems;

/**
 * The HTTP API: {@code POST /v1/calculations}, the SDK's job endpoints, health probes and the
 * OpenAPI document. Every error is an RFC 9457 problem carrying the request id.
 */
final class HttpApi {
  private final JobEndpoints jobs;
  private final SognoJson json;
  private final AtomicBoolean ready;
  private final ExceptionProblemMapper unexpected = ExceptionProblemMapper.defaults();

  HttpApi(JobEndpoints jobs, SognoJson json, AtomicBoolean ready) {
    this.jobs = jobs;
    this.json = json;
    this.ready = ready;
  }

  void register(RoutesConfig routes) {
    routes.before(JavalinExchange::assignRequestId);
    routes.post("/v1/calculations", this::startCalculation);
    routes.get("/v1/jobs/{jobId}", this::jobResource);
    routes.get("/v1/jobs/{jobId}/result", this::jobResource);
    routes.post("/v1/jobs/{jobId}/cancel", this::jobResource);
    routes.get("/health/live", ctx -> health(ctx, true));
    routes.get("/health/ready", ctx -> health(ctx, ready.get()));
    routes.get("/openapi.yaml", this::openApi);
    routes.exception(ProblemException.class, (e, ctx) -> JavalinExchange.write(ctx, e.response()));
    routes.exception(HttpResponseException.class, (e, ctx) -> JavalinExchange.write(ctx,
        Problems.of(e.getStatus(), e.getStatus() == 404 ? "not-found" : "bad-request", e.getMessage())));
    routes.exception(Exception.class, (e, ctx) -> JavalinExchange.write(ctx,
        unexpected.toResponse(e, JavalinExchange.requestId(ctx))));
  }

  private void startCalculation(Context ctx) {
    String contentType = ctx.contentType();
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      JavalinExchange.write(ctx, Problems.of(415, "unsupported-media-type", "Send application/json."));
      return;
    }
    byte[] body = ctx.bodyAsBytes();
    CalculationRequestReader.Outcome request;
    try {
      request = CalculationRequestReader.read(json.readUntyped(body));
    } catch (JsonException e) {
      JavalinExchange.write(ctx, Problems.badRequest("The body is not valid JSON."));
      return;
    }
    if (!request.errors().isEmpty()) {
      JavalinExchange.write(ctx, Problems.badRequest("The body does not match the CalculationRequest"
          + " schema: " + request.errors().size() + " problem(s).")
          .withProblem(p -> p.toBuilder().errors(request.errors()).build()));
      return;
    }
    var serverRequest = JavalinExchange.toServerRequest(ctx, body);
    ctx.future(() -> jobs.submit(serverRequest, CalculationJob.KIND, new CalculationJob(request.values()))
        .thenAccept(response -> JavalinExchange.write(ctx, response)));
  }

  private void jobResource(Context ctx) {
    var serverRequest = JavalinExchange.toServerRequest(ctx, new byte[0]);
    ctx.future(() -> jobs.handle(serverRequest).thenAccept(response -> JavalinExchange.write(ctx, response)));
  }

  private void health(Context ctx, boolean up) {
    ctx.status(up ? 200 : 503);
    ctx.contentType("application/json");
    ctx.result(json.write(Map.of("status", up ? "up" : "down")));
  }

  private void openApi(Context ctx) throws IOException {
    try (InputStream spec = HttpApi.class.getResourceAsStream("/openapi.yaml")) {
      ctx.contentType("application/yaml");
      ctx.result(spec.readAllBytes());
    }
  }
}
