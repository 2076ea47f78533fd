package org.lfenergy.sogno.sdk.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.core.server.ExceptionProblemMapper;
import org.lfenergy.sogno.sdk.lint.LoadedSpec;
import org.lfenergy.sogno.sdk.lint.SpecLoader;
import org.lfenergy.sogno.sdk.server.internal.ServerCore;
import org.lfenergy.sogno.sdk.server.internal.ServerTelemetry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The spec-first server runtime, framework-neutral: it loads the service's OpenAPI spec (3.0 or 3.1,
 * base-spec references resolved offline by sogno-lint's {@link SpecLoader}) at start-up, routes each
 * request to the handler registered for its {@code operationId}, validates it against the spec
 * first and answers every refusal as an RFC 9457 problem. It also serves {@code /health/live},
 * {@code /health/ready}, {@code /openapi.yaml}, {@code /openapi.json} and {@code /docs}.
 *
 * <pre>{@code
 * SognoServer server = SognoServer.builder()
 *     .specResource("openapi.yaml")
 *     .config(ServerConfig.fromEnvironment(System.getenv()))
 *     .handle("getThing", request -> OperationResponse.ok(things.get(request.pathParam("id").orElseThrow())))
 *     .build();
 * JdkServer running = JdkServer.start(server);   // or JavalinServer.start(server)
 * }</pre>
 *
 * <p>An adapter ({@link org.lfenergy.sogno.sdk.server.jdk.JdkServer}, {@link
 * org.lfenergy.sogno.sdk.server.javalin.JavalinServer}) feeds it {@link IncomingRequest}s and writes
 * the {@link OutgoingResponse}s. Immutable apart from readiness; thread-safe.
 *
 * <p>Guarantees: a handler runs only for a request that matched its operation and passed the spec's
 * checks (content type, size limit, JSON, parameters and body, every violation reported at once in
 * one {@code 400} problem with JSON pointers); every answer carries exactly one {@code X-Request-ID};
 * every refusal is an RFC 9457 problem of the SDK's vocabulary; {@code Forwarded} headers are believed
 * only from the configured trusted proxies.
 *
 * <p>Failure behaviour: {@link Builder#build()} throws {@link SpecLoadException} listing every
 * problem of the spec (load findings with line and column, operations without {@code operationId} or
 * handler, handlers for unknown operations). A handler's exception goes through the {@code
 * ExceptionProblemMapper}: a {@code ProblemException} is answered as it is, anything else is a
 * {@code 500 internal-error} without message or stack trace, logged with the request id. With
 * response validation on, an answer off the spec is replaced by {@code 500 internal-error} and
 * reported as a {@link ResponseValidationException}.
 */
public final class SognoServer {
  private static final Logger log = LoggerFactory.getLogger(SognoServer.class);

  private final ServerCore core;
  private final ServerConfig config;

  private SognoServer(ServerCore core, ServerConfig config) {
    this.core = core;
    this.config = config;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Serves one request. The future never completes exceptionally: every failure is a problem answer.
   * Job operations and long polls complete later, without holding the calling thread.
   */
  public CompletableFuture<OutgoingResponse> serve(IncomingRequest request) {
    return core.serve(request);
  }

  /**
   * The answer for a request that arrives while an adapter drains for shutdown: 503 {@code
   * service-unavailable} with {@code Retry-After}, the connection to be closed. Reads no body.
   */
  public OutgoingResponse unavailable(IncomingRequest request) {
    return core.unavailable(request);
  }

  /** The configuration adapters listen with. */
  public ServerConfig config() {
    return config;
  }

  /** Sets what {@code /health/ready} answers: adapters set it after start and clear it when stopping. */
  public void ready(boolean ready) {
    core.ready(ready);
  }

  /** What {@code /health/ready} answers. */
  public boolean isReady() {
    return core.isReady();
  }

  /** Configures a {@link SognoServer}; not thread-safe. */
  public static final class Builder {
    private LoadedSpec spec;
    private ServerConfig config = ServerConfig.defaults();
    private SognoJson json = SognoJson.defaults();
    private ExceptionProblemMapper exceptions = ExceptionProblemMapper.defaults();
    private final Map<String, OperationHandler> handlers = new LinkedHashMap<>();
    private JobManager jobs;
    private ObservabilityConfig observability = ObservabilityConfig.defaults();
    private Consumer<ResponseValidationException> violations =
        e -> log.error("Response off-spec (request {}): {}", e.requestId(), e.getMessage());

    private Builder() {}

    /** The spec file (YAML or JSON). Loaded here; problems are reported by {@link #build()}. */
    public Builder spec(Path file) {
      this.spec = SpecLoader.defaults().load(Objects.requireNonNull(file, "file"));
      return this;
    }

    /**
     * The spec as a class-path resource, e.g. {@code "openapi.yaml"}.
     *
     * @throws IllegalArgumentException when there is no such resource
     */
    public Builder specResource(String name) {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      try (InputStream in = (loader == null ? SognoServer.class.getClassLoader() : loader).getResourceAsStream(name)) {
        if (in == null) {
          throw new IllegalArgumentException("specResource " + name + " is not on the class path");
        }
        return spec(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IllegalArgumentException("specResource " + name + " cannot be read: " + e.getMessage(), e);
      }
    }

    /** The spec's text; {@code name} is what errors call it. */
    public Builder spec(String name, String content) {
      this.spec = SpecLoader.defaults().load(Objects.requireNonNull(name, "name"), Objects.requireNonNull(content, "content"));
      return this;
    }

    public Builder config(ServerConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /** The JSON configuration bodies are read and written with. */
    public Builder json(SognoJson json) {
      this.json = Objects.requireNonNull(json, "json");
      return this;
    }

    /** How handler exceptions become problems (default {@link ExceptionProblemMapper#defaults()}). */
    public Builder exceptionMapper(ExceptionProblemMapper mapper) {
      this.exceptions = Objects.requireNonNull(mapper, "exceptionMapper");
      return this;
    }

    /**
     * Registers the handler of {@code operationId}.
     *
     * @throws IllegalArgumentException when the id is blank or already has a handler
     */
    public Builder handle(String operationId, OperationHandler handler) {
      if (operationId == null || operationId.isBlank()) {
        throw new IllegalArgumentException("operationId must not be blank");
      }
      if (handlers.putIfAbsent(operationId, Objects.requireNonNull(handler, "handler")) != null) {
        throw new IllegalArgumentException("operationId " + operationId + " already has a handler");
      }
      return this;
    }

    /**
     * The job manager behind job-starting operations ({@link OperationResponse#job}) and the base
     * spec's {@code getJob}, {@code cancelJob} and {@code getJobResult}. The caller closes it. Jobs
     * are submitted while the request's span is current: a manager built with the same {@link
     * #observability} runs each job in a span linked to the request that started it.
     */
    public Builder jobs(JobManager jobs) {
      this.jobs = Objects.requireNonNull(jobs, "jobs");
      return this;
    }

    /**
     * Where requests are measured and traced; default {@link ObservabilityConfig#defaults()}: neither.
     * With a meter registry: timer {@code sogno.http.server.requests} by operation, method, status and
     * outcome. With an OpenTelemetry: a server span per request continuing the caller's {@code
     * traceparent}, current while the handler runs. Names in the SDK's {@code docs/observability.md}.
     */
    public Builder observability(ObservabilityConfig observability) {
      this.observability = Objects.requireNonNull(observability, "observability");
      return this;
    }

    /** Receives every off-spec answer when {@link ServerConfig#validateResponses()} is on; default: logged. */
    public Builder onResponseViolation(Consumer<ResponseValidationException> listener) {
      this.violations = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * @throws IllegalStateException when no spec was given
     * @throws SpecLoadException when the spec has load findings, or it and the handlers disagree, or
     *     an operation requires security other than bearer tokens
     * @throws IllegalStateException when the spec requires bearer tokens and {@link
     *     ServerConfig#auth()} is not configured (the message names the variables to set), or
     *     development mode is on while the server listens on other than a loopback address
     */
    public SognoServer build() {
      if (spec == null) {
        throw new IllegalStateException("A SognoServer needs a spec: call spec(...) or specResource(...)");
      }
      if (!spec.findings().isEmpty()) {
        throw new SpecLoadException(spec.fileName(), spec.findings().stream()
            .map(f -> f.line() + ":" + f.column() + " " + f.message()).toList());
      }
      ServerCore core = ServerCore.create(spec, config, json, exceptions, Map.copyOf(handlers), jobs, violations,
          ServerTelemetry.of(observability));
      return new SognoServer(core, config);
    }
  }

}
