package org.lfenergy.sogno.sdk.server.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.lfenergy.sogno.sdk.core.JsonException;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.core.server.ExceptionProblemMapper;
import org.lfenergy.sogno.sdk.core.server.ProblemResponse;
import org.lfenergy.sogno.sdk.core.server.Problems;
import org.lfenergy.sogno.sdk.server.IncomingRequest;
import org.lfenergy.sogno.sdk.server.OperationHandler;
import org.lfenergy.sogno.sdk.server.OperationResponse;
import org.lfenergy.sogno.sdk.server.OutgoingResponse;
import org.lfenergy.sogno.sdk.server.ResponseValidationException;
import org.lfenergy.sogno.sdk.server.ServerConfig;
import org.lfenergy.sogno.sdk.server.internal.auth.Authorizer;

/**
 * The framework-neutral request pipeline, in this order: request id; built-in resources (health,
 * spec, docs); route (404, 405 with {@code Allow}); authentication and the operation's spec {@code
 * security} (401, 403, 503: {@link Authorizer}); declared length over the limit (413, nothing read);
 * {@code Content-Type} (415); {@code Accept} (406); bounded read (413); JSON parse (400 {@code
 * malformed-body}); parameters and body against the spec, every violation at once (400 {@code
 * bad-request} with {@code errors[]}); the handler (exceptions through the {@link
 * ExceptionProblemMapper}); optionally the answer against the spec. With observability configured,
 * each request is timed and traced ({@link ServerTelemetry}); its span is current while the pipeline
 * runs on the adapter's thread, so calls a handler makes are its children. Thread-safe.
 */
final class Pipeline {
  /** The body of an answer without one (shared: an empty array cannot change). */
  private static final byte[] NO_BODY = new byte[0];

  private final RuntimeParts runtime;
  private final ServerConfig config;
  private final SognoJson json;
  private final ExceptionProblemMapper exceptions;
  private final Consumer<ResponseValidationException> violations;
  private final ServerTelemetry telemetry;

  Pipeline(RuntimeParts runtime, ServerConfig config, SognoJson json, ExceptionProblemMapper exceptions,
      Consumer<ResponseValidationException> violations, ServerTelemetry telemetry) {
    this.telemetry = telemetry;
    this.runtime = runtime;
    this.config = config;
    this.json = json;
    this.exceptions = exceptions;
    this.violations = violations;
  }

  CompletableFuture<OutgoingResponse> serve(IncomingRequest request) {
    RequestObserver observer = telemetry.start(request);
    Exchange exchange = new Exchange(request, config.proxies(), observer);
    CompletableFuture<OutgoingResponse> answer;
    try (RequestObserver.Scope ignored = observer.enter()) {
      answer = route(exchange);
    } catch (RuntimeException e) {
      answer = CompletableFuture.failedFuture(e);
    }
    CompletableFuture<OutgoingResponse> handled = answer.isDone() && !answer.isCompletedExceptionally() ? answer
        : answer.exceptionally(failure -> Answers.problem(exceptions.toResponse(
            failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure, exchange.requestId()), exchange.requestId()));
    if (observer == RequestObserver.NONE) {
      return handled;
    }
    return handled.thenApply(response -> {
      observer.ended(response.status());
      return response;
    });
  }

  private CompletableFuture<OutgoingResponse> route(Exchange exchange) {
    IncomingRequest request = exchange.request();
    Optional<OutgoingResponse> builtIn = runtime.builtIns().serve(exchange);
    if (builtIn.isPresent()) {
      exchange.observer().routed("builtin", request.rawPath());
      return done(builtIn.get());
    }
    Optional<Router.Match> routed = runtime.router().route(request.method(), request.rawPath());
    if (routed.isEmpty()) {
      return problem(exchange, Problems.notFound("No resource at " + request.rawPath()));
    }
    Router.Match match = routed.get();
    if (!match.found()) {
      String allow = String.join(", ", match.allowed());
      return problem(exchange, Problems.of(405, "method-not-allowed", request.method() + " is not allowed here; use "
          + allow + ".").withHeader("Allow", allow));
    }
    Operation operation = match.operation();
    exchange.observer().routed(operation.id(), operation.path().template());
    Authorizer.Decision auth = runtime.auth().authorize(operation.id(), request.headers().getOrDefault("Authorization",
        List.of()));
    if (auth.refused()) {
      return done(Answers.problem(auth.problem(), exchange.requestId(), hasBody(request)));
    }
    exchange.authenticated(auth.principal());
    if (BoundedBody.declaredTooLarge(request, config.maxRequestBytes())) {
      return done(tooLarge(exchange, !BoundedBody.drainSmallExcess(request, config.maxRequestBytes())));
    }
    Optional<ProblemResponse> refused = negotiate(request, operation);
    if (refused.isPresent()) {
      return done(Answers.problem(refused.get(), exchange.requestId(), hasBody(request)));
    }
    Optional<byte[]> read;
    try {
      read = BoundedBody.read(request, config.maxRequestBytes());
    } catch (IOException e) {
      return problem(exchange, Problems.badRequest("The request body could not be read."));
    }
    if (read.isEmpty()) {
      return done(tooLarge(exchange, true));
    }
    return validateAndHandle(exchange, operation, match.pathParams(), read.get());
  }

  private CompletableFuture<OutgoingResponse> validateAndHandle(Exchange exchange, Operation operation,
      Map<String, String> pathParams, byte[] body) {
    JsonNode tree = null;
    Optional<String> media = exchange.request().header("Content-Type").map(MediaTypes::essence);
    if (body.length > 0 && media.filter(MediaTypes::isJson).isPresent()) {
      try {
        tree = json.read(body, JsonNode.class);
        tree = tree == null ? NullNode.getInstance() : tree;
      } catch (JsonException e) {
        return problem(exchange, pointingAtBody(exceptions.toResponse(e, exchange.requestId())));
      }
    }
    List<Problem.FieldError> parameterErrors = runtime.parameters().validate(operation, pathParams, exchange.query(),
        exchange.request().headers());
    List<Problem.FieldError> bodyErrors = bodyErrors(operation, media, body, tree);
    if (!parameterErrors.isEmpty() || !bodyErrors.isEmpty()) {
      List<Problem.FieldError> errors = new ArrayList<>(parameterErrors);
      errors.addAll(bodyErrors);
      String detail = errors.size() == 1 ? "1 value is invalid." : errors.size() + " values are invalid.";
      return problem(exchange, Problems.of(400, "bad-request", detail)
          .withProblem(p -> p.toBuilder().errors(errors).build()));
    }
    ValidatedRequest validated = new ValidatedRequest(exchange, operation, pathParams, body, tree, json);
    return handle(exchange, operation, validated, body);
  }

  /**
   * The base spec's {@code 400} is a {@code ValidationProblem}, whose {@code errors} has at least one
   * entry: a malformed body gets one pointing at the whole body ({@code #}).
   */
  private static ProblemResponse pointingAtBody(ProblemResponse response) {
    Problem problem = response.problem();
    if (response.status() != 400 || !problem.errors().isEmpty()) {
      return response;
    }
    Problem.FieldError whole = new Problem.FieldError("#", problem.detail(), problem.code());
    return response.withProblem(p -> p.toBuilder().errors(List.of(whole)).build());
  }

  private List<Problem.FieldError> bodyErrors(Operation operation, Optional<String> media, byte[] body, JsonNode tree) {
    if (operation.body().isEmpty()) {
      return List.of();
    }
    Operation.RequestBody declared = operation.body().get();
    if (body.length == 0) {
      return declared.required() ? List.of(new Problem.FieldError("#", "A request body is required", "required"))
          : List.of();
    }
    Integer schema = media.flatMap(type -> MediaTypes.matchDeclared(type, declared.media().keySet()))
        .map(declared.media()::get).orElse(Operation.NO_SCHEMA);
    return schema == Operation.NO_SCHEMA || tree == null ? List.of() : runtime.schemas().validate(schema, tree, "#");
  }

  private CompletableFuture<OutgoingResponse> handle(Exchange exchange, Operation operation, ValidatedRequest request,
      byte[] body) {
    if (runtime.jobs() != null && JobBridge.OPERATIONS.contains(operation.id()) && !runtime.hasHandler(operation.id())) {
      return runtime.jobs().handle(exchange);
    }
    OperationHandler handler = runtime.handler(operation.id());
    OperationResponse response;
    try {
      response = handler.handle(request);
      if (response == null) {
        throw new IllegalStateException("The handler of " + operation.id() + " answered null");
      }
    } catch (Exception e) {
      return problem(exchange, exceptions.toResponse(e, exchange.requestId()));
    }
    if (response.jobWork().isPresent()) {
      if (runtime.jobs() == null || !operation.startsJob()) {
        throw new IllegalStateException("Operation " + operation.id() + " started a job, but "
            + (runtime.jobs() == null ? "the server has no JobManager" : "its 202 response is not a Job"));
      }
      return runtime.jobs().submit(exchange, body, response.jobKind().orElseThrow(), response.jobWork().get());
    }
    return done(write(exchange, operation, response));
  }

  private OutgoingResponse write(Exchange exchange, Operation operation, OperationResponse response) {
    byte[] body = response.jsonBody().map(json::write).or(response::rawBody).orElse(NO_BODY);
    String contentType = response.contentType().orElse(null);
    if (config.validateResponses()) {
      List<Problem.FieldError> errors = runtime.responses().check(operation, response.status(), contentType, body);
      if (!errors.isEmpty()) {
        violations.accept(new ResponseValidationException(operation.id(), response.status(), errors, exchange.requestId()));
        return Answers.problem(Problems.internalError(), exchange.requestId());
      }
    }
    return Answers.of(response.status(), response.headers(), body, contentType, exchange.requestId(), false);
  }

  /** 415 for a body of an undeclared (or no) media type; 406 when no declared answer is acceptable. */
  private static Optional<ProblemResponse> negotiate(IncomingRequest request, Operation operation) {
    if (hasBody(request)) {
      Optional<String> type = request.header("Content-Type");
      List<String> declared = operation.bodyMediaTypes();
      if (type.isEmpty() || MediaTypes.matchDeclared(type.get(), declared).isEmpty()) {
        String accepted = declared.isEmpty() ? "no request body" : String.join(", ", declared);
        return Optional.of(Problems.of(415, "unsupported-media-type", (type.isEmpty() ? "The body has no Content-Type"
            : "Content-Type " + MediaTypes.essence(type.get()) + " is not supported") + "; this operation takes "
            + accepted + "."));
      }
    }
    List<String> offered = operation.successMediaTypes();
    List<String> accept = request.headers().getOrDefault("Accept", List.of());
    if (!MediaTypes.acceptable(accept, offered)) {
      return Optional.of(Problems.of(406, "not-acceptable", "This operation answers " + String.join(", ", offered)
          + " only."));
    }
    return Optional.empty();
  }

  private static boolean hasBody(IncomingRequest request) {
    return request.contentLength().isPresent() ? request.contentLength().getAsLong() > 0
        : request.header("Transfer-Encoding").isPresent();
  }

  private OutgoingResponse tooLarge(Exchange exchange, boolean close) {
    ProblemResponse problem = Problems.of(413, "content-too-large", "The request body is larger than the "
        + config.maxRequestBytes() + " bytes this service accepts.");
    return Answers.problem(problem, exchange.requestId(), close);
  }

  private static CompletableFuture<OutgoingResponse> problem(Exchange exchange, ProblemResponse problem) {
    return done(Answers.problem(problem, exchange.requestId()));
  }

  private static <T> CompletableFuture<T> done(T value) {
    return CompletableFuture.completedFuture(value);
  }
}
