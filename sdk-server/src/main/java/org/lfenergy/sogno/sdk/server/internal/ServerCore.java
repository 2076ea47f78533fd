package org.lfenergy.sogno.sdk.server.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.core.RequestIds;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.core.server.ExceptionProblemMapper;
import org.lfenergy.sogno.sdk.core.server.Problems;
import org.lfenergy.sogno.sdk.lint.LoadedSpec;
import org.lfenergy.sogno.sdk.server.IncomingRequest;
import org.lfenergy.sogno.sdk.server.OperationHandler;
import org.lfenergy.sogno.sdk.server.OutgoingResponse;
import org.lfenergy.sogno.sdk.server.ResponseValidationException;
import org.lfenergy.sogno.sdk.server.ServerConfig;
import org.lfenergy.sogno.sdk.server.SpecLoadException;
import org.lfenergy.sogno.sdk.server.internal.auth.Authorizer;

/**
 * Assembles the runtime from a loaded spec and the registered handlers; the implementation behind
 * {@link org.lfenergy.sogno.sdk.server.SognoServer}. Not API: use {@code SognoServer}.
 */
public final class ServerCore {
  private final Pipeline pipeline;
  private final BuiltIns builtIns;

  private ServerCore(Pipeline pipeline, BuiltIns builtIns) {
    this.pipeline = pipeline;
    this.builtIns = builtIns;
  }

  /**
   * @throws SpecLoadException when the spec did not load, or it and the handlers disagree
   * @throws IllegalStateException when the spec requires tokens and authentication is not configured
   */
  public static ServerCore create(LoadedSpec spec, ServerConfig config, SognoJson json,
      ExceptionProblemMapper exceptions, Map<String, OperationHandler> handlers, JobManager jobs,
      Consumer<ResponseValidationException> violations, ServerTelemetry telemetry) {
    SpecModel model;
    try {
      model = SpecModel.of(spec);
    } catch (IllegalArgumentException e) {
      throw new SpecLoadException(spec.fileName(), List.of(e.getMessage()));
    }
    checkHandlers(spec.fileName(), model, handlers, jobs != null);
    Authorizer auth;
    try {
      auth = Authorizer.create(spec.openApi().orElseThrow(), config.auth(), config.host());
    } catch (IllegalArgumentException e) {
      throw new SpecLoadException(spec.fileName(), List.of(e.getMessage()));
    }
    BuiltIns builtIns = new BuiltIns(new ApiDocs(model.yaml(), model.json()));
    RuntimeParts runtime = new RuntimeParts(new Router(model.operations()), model.schemas(),
        new ParameterValidator(model.schemas()), new ResponseChecker(model.schemas(), json), builtIns,
        jobs == null ? null : new JobBridge(jobs, config.proxies(), json), Map.copyOf(handlers), auth);
    return new ServerCore(new Pipeline(runtime, config, json, exceptions, violations, telemetry), builtIns);
  }

  private static void checkHandlers(String spec, SpecModel model, Map<String, OperationHandler> handlers, boolean jobs) {
    List<String> problems = new ArrayList<>();
    TreeSet<String> ids = new TreeSet<>();
    for (Operation operation : model.operations()) {
      if (!ids.add(operation.id())) {
        problems.add("operationId " + operation.id() + " is used twice");
      }
      boolean builtIn = BuiltIns.OPERATIONS.contains(operation.id()) || jobs && JobBridge.OPERATIONS.contains(operation.id());
      if (!builtIn && !handlers.containsKey(operation.id())) {
        problems.add("operation " + operation.id() + " (" + operation.method() + " " + operation.path() + ") has no handler"
            + (JobBridge.OPERATIONS.contains(operation.id()) ? " and the server has no JobManager" : ""));
      }
    }
    handlers.keySet().stream().filter(id -> !ids.contains(id)).sorted()
        .forEach(id -> problems.add("a handler is registered for " + id + ", which the spec does not have"));
    if (!problems.isEmpty()) {
      throw new SpecLoadException(spec, problems);
    }
  }

  /** Serves one request; the future never completes exceptionally. */
  public CompletableFuture<OutgoingResponse> serve(IncomingRequest request) {
    return pipeline.serve(request);
  }

  /** 503 {@code service-unavailable} for a request refused while draining; see {@code SognoServer}. */
  public OutgoingResponse unavailable(IncomingRequest request) {
    String requestId = RequestIds.acceptOrGenerate(request.header(RequestIds.HEADER));
    return Answers.problem(Problems.serviceUnavailable(Duration.ofSeconds(1)), requestId, true);
  }

  /** Sets what {@code /health/ready} answers. */
  public void ready(boolean ready) {
    builtIns.ready(ready);
  }

  public boolean isReady() {
    return builtIns.isReady();
  }
}
