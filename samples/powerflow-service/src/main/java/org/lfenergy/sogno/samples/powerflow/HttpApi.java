package org.lfenergy.sogno.samples.powerflow;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.lfenergy.sogno.samples.powerflow.api.InvalidRequestException;
import org.lfenergy.sogno.samples.powerflow.api.PowerFlowRequest;
import org.lfenergy.sogno.samples.powerflow.api.PowerFlowRequestReader;
import org.lfenergy.sogno.sdk.async.server.http.JobEndpoints;
import org.lfenergy.sogno.sdk.core.JsonException;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.core.server.ExceptionProblemMapper;
import org.lfenergy.sogno.sdk.core.server.ProblemException;
import org.lfenergy.sogno.sdk.core.server.ProblemResponse;
import org.lfenergy.sogno.sdk.core.server.Problems;

/**
 * The service's HTTP API on Javalin: {@code POST /v1/powerflows}, the job resources of the SDK's
 * {@link JobEndpoints}, health probes and the OpenAPI document. Everything below {@code /v1/} needs
 * a bearer token with the operation's scope; the probes and the document are public. Every error is
 * an RFC 9457 problem carrying the request id.
 */
final class HttpApi {
  static final String OPENAPI_RESOURCE = "/openapi.yaml";

  private final JobEndpoints jobs;
  private final SognoJson json;
  private final AtomicBoolean ready;
  private final BearerAuthenticator authenticator;
  private final ExceptionProblemMapper unexpected = ExceptionProblemMapper.defaults();

  /** @param authenticator null when token checking is disabled */
  HttpApi(JobEndpoints jobs, SognoJson json, AtomicBoolean ready,
      BearerAuthenticator authenticator) {
    this.jobs = jobs;
    this.json = json;
    this.ready = ready;
    this.authenticator = authenticator;
  }

  void register(RoutesConfig routes) {
    routes.before(JavalinExchange::assignRequestId);
    if (authenticator != null) {
      routes.before("/v1/*", ctx -> JavalinExchange.setPrincipal(ctx, authenticator.authenticate(
          ctx.header("Authorization"), BearerAuthenticator.scopeFor(ctx.req().getMethod()))));
    }
    routes.post("/v1/powerflows", this::startPowerFlow);
    routes.get("/v1/jobs/{jobId}", this::jobResource);
    routes.get("/v1/jobs/{jobId}/result", this::jobResource);
    routes.post("/v1/jobs/{jobId}/cancel", this::jobResource);
    routes.get("/health/live", ctx -> health(ctx, true));
    routes.get("/health/ready", ctx -> health(ctx, ready.get()));
    routes.get("/openapi.yaml", this::openApi);
    routes.exception(ProblemException.class, (e, ctx) -> JavalinExchange.write(ctx, e.response()));
    routes.exception(HttpResponseException.class, (e, ctx) -> JavalinExchange.write(ctx,
        Problems.of(e.getStatus(), codeOf(e.getStatus()), e.getMessage())));
    routes.exception(Exception.class, (e, ctx) -> JavalinExchange.write(ctx,
        unexpected.toResponse(e, JavalinExchange.requestId(ctx))));
    routes.error(404, ctx -> unlessAnswered(ctx, Problems.notFound("No resource at " + ctx.path())));
  }

  private void startPowerFlow(Context ctx) {
    String contentType = ctx.contentType();
    if (contentType == null || !isJson(contentType)) {
      JavalinExchange.write(ctx, Problems.of(415, "unsupported-media-type",
          "Send the grid as application/json, got " + (contentType == null ? "no Content-Type"
              : contentType)));
      return;
    }
    byte[] body = ctx.bodyAsBytes();
    PowerFlowRequest request;
    try {
      request = PowerFlowRequestReader.read(json.readUntyped(body));
    } catch (JsonException e) {
      JavalinExchange.write(ctx, Problems.badRequest("The body is not valid JSON."));
      return;
    } catch (InvalidRequestException e) {
      JavalinExchange.write(ctx, validationProblem(e));
      return;
    }
    var serverRequest = JavalinExchange.toServerRequest(ctx, body);
    ctx.future(() -> jobs.submit(serverRequest, PowerFlowJob.KIND, new PowerFlowJob(request))
        .thenAccept(response -> JavalinExchange.write(ctx, response)));
  }

  private void jobResource(Context ctx) {
    var serverRequest = JavalinExchange.toServerRequest(ctx, new byte[0]);
    ctx.future(() -> jobs.handle(serverRequest)
        .thenAccept(response -> JavalinExchange.write(ctx, response)));
  }

  static ProblemResponse validationProblem(InvalidRequestException e) {
    List<Problem.FieldError> errors = e.violations().stream()
        .map(v -> new Problem.FieldError(v.pointer(), v.detail(), v.code()))
        .toList();
    if (e.status() == 422) {
      return Problems.validationFailed(errors)
          .withProblem(p -> p.toBuilder().detail("The grid cannot be solved as described: "
              + errors.size() + " problem(s).").build());
    }
    return Problems.badRequest("The body does not match the PowerFlowRequest schema: "
        + errors.size() + " problem(s).").withProblem(p -> p.toBuilder().errors(errors).build());
  }

  private void health(Context ctx, boolean up) {
    String status = up ? "up" : "down";
    ctx.status(up ? 200 : 503);
    ctx.contentType("application/json");
    ctx.result(json.write(Map.of("status", status)));
  }

  private void openApi(Context ctx) throws IOException {
    try (InputStream spec = HttpApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (spec == null) {
        throw new UncheckedIOException(new IOException(OPENAPI_RESOURCE + " is not packaged"));
      }
      ctx.contentType("application/yaml");
      ctx.result(spec.readAllBytes());
    }
  }

  private static void unlessAnswered(Context ctx, ProblemResponse problem) {
    if (ctx.resultInputStream() == null) {
      JavalinExchange.write(ctx, problem);
    }
  }

  /** Codes for the refusals Javalin itself raises. */
  private static String codeOf(int status) {
    return switch (status) {
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 413 -> "content-too-large";
      default -> status >= 500 ? "internal-error" : "bad-request";
    };
  }

  private static boolean isJson(String contentType) {
    String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return mediaType.equals("application/json") || mediaType.endsWith("+json");
  }
}
