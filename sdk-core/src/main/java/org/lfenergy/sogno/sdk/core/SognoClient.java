package org.lfenergy.sogno.sdk.core;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.lfenergy.sogno.sdk.core.internal.AuthInterceptor;
import org.lfenergy.sogno.sdk.core.internal.CallContext;
import org.lfenergy.sogno.sdk.core.internal.CallObserver;
import org.lfenergy.sogno.sdk.core.internal.StreamedRequestBody;
import org.lfenergy.sogno.sdk.core.internal.CallHeadersInterceptor;
import org.lfenergy.sogno.sdk.core.internal.CircuitBreakerInterceptor;
import org.lfenergy.sogno.sdk.core.internal.ClientTelemetry;
import org.lfenergy.sogno.sdk.core.internal.Failures;
import org.lfenergy.sogno.sdk.core.internal.FollowUpGuard;
import org.lfenergy.sogno.sdk.core.internal.HttpMethods;
import org.lfenergy.sogno.sdk.core.internal.LoggingInterceptor;
import org.lfenergy.sogno.sdk.core.internal.OpenCalls;
import org.lfenergy.sogno.sdk.core.internal.Redaction;
import org.lfenergy.sogno.sdk.core.internal.RedirectInterceptor;
import org.lfenergy.sogno.sdk.core.internal.RetryInterceptor;
import org.lfenergy.sogno.sdk.core.internal.SharedHttp;
import org.lfenergy.sogno.sdk.core.internal.Sleeper;
import org.lfenergy.sogno.sdk.core.internal.UrlResolver;
import org.lfenergy.sogno.sdk.core.internal.WatchdogAnchor;

/**
 * The HTTP client under every generated SOGNO client, usable by hand:
 *
 * <pre>{@code
 * SognoClient client = SognoClient.builder()
 *     .baseUrl("https://platform.example/api/powerflow")
 *     .authentication(Authentication.bearer(token))
 *     .build();
 * Job job = client.execute(ApiRequest.builder("GET", "/v1/jobs/{jobId}").pathParam("jobId", id).build(),
 *     ResponseReader.json(Job.class)).body();
 * }</pre>
 *
 * <p>Each request carries the SDK's headers from the start, so interceptors of a user-supplied
 * {@link OkHttpClient} see what will be sent: {@code Accept} (JSON, then problem JSON), user agent
 * {@code sogno-sdk-java/<version> (Java <version>) <suffix>}, request id {@code X-Request-ID} (the
 * caller's, else generated; carried into exceptions) and W3C {@code traceparent} (the caller's valid
 * one, else the configured supplier's, else a new trace; when the client traces calls, its span's, see
 * {@link Builder#observability}). Then every call runs through one pipeline of
 * OkHttp interceptors, in this order (outermost first):
 *
 * <ol>
 *   <li>your interceptors (of the {@link OkHttpClient} you supplied), once per call;
 *   <li>the SDK's headers again, should one of your interceptors have removed them;
 *   <li>retry (Resilience4j; see {@link RetryConfig}) — everything below runs once per attempt,
 *       with the call's read timeout;
 *   <li>redirects (see {@link RedirectConfig}; same-origin only by default) — everything below runs
 *       once per hop;
 *   <li>circuit breaker per host (Resilience4j; see {@link CircuitBreakerConfig});
 *   <li>authentication (when configured), same origin only, with one refresh-and-retry on 401;
 *   <li>logging through SLF4J, secrets redacted (see {@link LoggingConfig});
 * </ol>
 *
 * then OkHttp's bridge and network stages (its own redirect following is off). OkHttp's silent
 * re-sending (after connection failures, and of a 503 with {@code Retry-After: 0}) is switched off
 * because it ignores the method:
 * the retry step is the only place a request is sent twice. A 2xx response goes to the call's {@link
 * ResponseReader}; any other status becomes the matching {@link ApiException} carrying a {@link
 * Problem}.
 *
 * <p>Immutable and thread-safe; share one per service. {@link #newBuilder()} makes variants that
 * share the connection pool. Clients without a user-supplied {@link OkHttpClient} share one pool and
 * dispatcher process-wide, whose threads are daemon threads: a program that returns from {@code main}
 * without closing its client still exits.
 *
 * <p>{@link #close()} releases what the client created: it cancels the calls it has in flight,
 * refuses new ones and removes its meters; when the last open client on the shared pool closes, the
 * pool's idle connections are closed. A user-supplied {@link OkHttpClient} (its dispatcher,
 * connection pool, threads) is never shut down: it stays the user's to close.
 *
 * <p>Failures: {@link ApiException} (non-2xx), {@link TransportException} / {@link
 * RequestTimeoutException} (I/O), {@link CircuitOpenException}, {@link AuthenticationException},
 * {@link JsonException} (a 2xx body the reader could not read), {@link ResponseTooLargeException}
 * (a 2xx body over {@link Builder#maxResponseBytes}; {@link #download} streams large bodies). A
 * request that cannot be built (missing path parameter) throws {@link IllegalArgumentException}
 * before anything is sent.
 */
public final class SognoClient implements AutoCloseable {
  private static final String ACCEPT = "application/json, " + Problem.MEDIA_TYPE + ";q=0.9, */*;q=0.1";
  private static final MediaType JSON_MEDIA_TYPE = MediaType.get("application/json");

  private final Builder config;
  private final HttpUrl baseUrl;
  private final UrlResolver urls;
  private final CallHeadersInterceptor callHeaders;
  private final OkHttpClient http;
  private final ResponseHandler responses;
  private final ClientTelemetry telemetry;
  private final boolean usesSharedHttp;
  // Checked before a call's span starts, so a refused call leaves no span open.
  private final OpenCalls calls = new OpenCalls();

  private SognoClient(Builder builder) {
    this.config = builder.copy();
    this.baseUrl = builder.baseUrl;
    this.urls = new UrlResolver(baseUrl);
    this.callHeaders = new CallHeadersInterceptor(ACCEPT, builder.userAgentSuffix, builder.traceparent);
    this.telemetry = ClientTelemetry.of(builder.observability, builder.logging);
    this.http = pipeline(builder, callHeaders, telemetry);
    this.responses = new ResponseHandler(builder.json, builder.maxResponseBytes);
    this.usesSharedHttp = builder.httpClient == SharedHttp.base();
    if (usesSharedHttp) {
      SharedHttp.acquire();
    }
  }

  /** A builder; only the base URL is required. */
  public static Builder builder() {
    return new Builder();
  }

  private static OkHttpClient pipeline(Builder config, CallHeadersInterceptor callHeaders, ClientTelemetry telemetry) {
    OkHttpClient.Builder http = SharedHttp.newBuilderWithoutNagleDelay(config.httpClient)
        .connectTimeout(config.connectTimeout)
        .readTimeout(config.readTimeout)
        .writeTimeout(config.writeTimeout)
        .callTimeout(config.callTimeout)
        // RetryInterceptor alone decides about re-sending: OkHttp's own silent retries ignore the method.
        .retryOnConnectionFailure(false)
        // RedirectInterceptor follows redirects by the SDK's rules (RedirectConfig), not OkHttp.
        .followRedirects(false)
        .followSslRedirects(false);
    if (!config.httpClient.interceptors().isEmpty()) {
      // Only interceptors of the user's can remove what decorate() set: without any, the step is idle.
      http.interceptors().add(callHeaders);
    }
    http.interceptors().add(new RetryInterceptor(config.retry, config.clock, config.sleeper));
    http.interceptors().add(new RedirectInterceptor(config.redirects, config.logging.redactedHeaders()));
    if (config.circuitBreaker.enabled()) {
      http.interceptors().add(new CircuitBreakerInterceptor(config.circuitBreaker, telemetry.breakers()));
    }
    if (config.authentication != Authentication.NONE) {
      http.interceptors().add(new AuthInterceptor(config.authentication, config.baseUrl));
    }
    // Innermost: it also puts back what FollowUpGuard.hide() hid from OkHttp's follow-up stage.
    http.interceptors().add(new LoggingInterceptor(config.logging));
    http.networkInterceptors().add(FollowUpGuard.hide());
    return http.build();
  }

  /**
   * Sends {@code request} and reads the 2xx response with {@code reader}, blocking the calling thread.
   *
   * @throws ApiException on a non-2xx status, after retries
   * @throws TransportException on I/O failure or timeout, after retries
   * @throws CircuitOpenException when the host's circuit breaker is open
   * @throws JsonException when the reader cannot read the 2xx body
   * @throws ResponseTooLargeException when the 2xx body is longer than {@link Builder#maxResponseBytes}
   * @throws IllegalStateException when the client is closed
   */
  public <T> ApiResponse<T> execute(ApiRequest request, ResponseReader<T> reader) {
    return send(request, reader, ResponseHandler::read);
  }

  /**
   * Sends {@code request} and streams the 2xx body to {@code target} as it arrives, without {@link
   * Builder#maxResponseBytes}' limit (for large downloads); {@code target} is neither flushed nor
   * closed. The call deadline ({@link Builder#callTimeout}) still applies: build a variant with a
   * longer one for very long downloads. The value of the response is the number of bytes written.
   *
   * @throws ApiException on a non-2xx status, after retries (nothing is written)
   * @throws TransportException on I/O failure or timeout, also in the middle of the body (what
   *     arrived before it is in {@code target})
   * @throws SognoException when {@code target} throws; the call is then cancelled
   */
  public ApiResponse<Long> download(ApiRequest request, OutputStream target) {
    Objects.requireNonNull(target, "target");
    return send(request, target, ResponseHandler::copy);
  }

  /**
   * Like {@link #download(ApiRequest, OutputStream)}, into {@code file}: the body goes to a temporary
   * file next to it, which replaces {@code file} only once the whole body arrived. On any failure
   * {@code file} is left as it was and the temporary file is deleted.
   *
   * @throws SognoException when the file cannot be written, besides what the stream variant throws
   */
  public ApiResponse<Long> download(ApiRequest request, Path file) {
    return FileDownload.into(file, target -> download(request, target));
  }

  /**
   * What a blocking call does with its response (closed afterwards) and {@code argument}; given the
   * handler rather than capturing it, so that the method references above are constants and a call
   * allocates no lambda.
   */
  private interface ResponseAction<A, R> {
    R apply(ResponseHandler handler, Call call, Response response, A argument) throws IOException;
  }

  private <A, R> R send(ApiRequest request, A argument, ResponseAction<A, R> action) {
    calls.ensureOpen(this);
    Request okRequest = toOkHttp(request);
    CallObserver observer = CallContext.of(okRequest).observer();
    Call call = newCall(okRequest);
    int status = 0;
    try (Response response = call.execute()) {
      status = response.code();
      R result = action.apply(responses, call, response, argument);
      observer.ended(status, null);
      return result;
    } catch (IOException e) {
      SognoException failure = Failures.from(e, okRequest);
      observer.ended(status, failure);
      throw failure;
    } catch (RuntimeException e) {
      observer.ended(status, e);
      throw e;
    } finally {
      calls.finished(call);
    }
  }

  /**
   * Sends {@code request} without blocking. The future completes on an OkHttp dispatcher thread with
   * the response or with one of the exceptions {@link #execute} throws; cancelling it cancels the
   * HTTP call (and any wait between retries).
   *
   * @throws IllegalArgumentException at once when the request cannot be built
   * @throws IllegalStateException at once when the client is closed
   */
  public <T> CompletableFuture<ApiResponse<T>> executeAsync(ApiRequest request, ResponseReader<T> reader) {
    calls.ensureOpen(this);
    Request okRequest = toOkHttp(request);
    Call call = newCall(okRequest);
    AsyncCallback<T> callback = new AsyncCallback<>(okRequest, responses, reader, calls);
    CompletableFuture<ApiResponse<T>> future = callback.future(call);
    call.enqueue(callback);
    return future;
  }

  /** The JSON configuration bodies are read and written with. */
  public SognoJson json() {
    return config.json;
  }

  /** The base URL every path template is relative to. */
  public URI baseUrl() {
    return baseUrl.uri();
  }

  /**
   * A builder with this client's configuration. Clients built from it share the connection pool and
   * dispatcher but get their own retry and circuit-breaker state.
   */
  public Builder newBuilder() {
    return config.copy();
  }

  /**
   * Closes this client: calls in flight are cancelled (they fail with {@link TransportException}),
   * later calls throw {@link IllegalStateException}, and what the client created is released. A
   * user-supplied {@link OkHttpClient} is left as it is. Closing twice does nothing.
   */
  @Override
  public void close() {
    if (!calls.close()) {
      return;
    }
    telemetry.close();
    if (usesSharedHttp) {
      SharedHttp.release();
    }
  }

  @Override
  public String toString() {
    return "SognoClient{" + Redaction.forMessage(baseUrl) + "}";
  }

  private Request toOkHttp(ApiRequest request) {
    HttpUrl url = urls.resolve(request);
    CallContext context = new CallContext(request.timeout().orElse(null),
        telemetry.start(request.method(), request.operation(), request.pathTemplate().orElse(null), url), request);
    Request.Builder builder = new Request.Builder().url(url).tag(CallContext.class, context);
    callHeaders.decorate(builder, request.headers(), context);
    RequestBody body = null;
    if (request.isStreamed()) {
      MediaType type = mediaType(request.mediaType().orElseThrow());
      body = request.multipart().map(parts -> StreamedRequestBody.ofMultipart(parts, type))
          .or(() -> request.bodyFile().map(file -> StreamedRequestBody.ofFile(file, type)))
          .orElseGet(() -> StreamedRequestBody.ofStream(request.bodyStream().orElseThrow(), type));
    } else if (request.hasBody()) {
      body = RequestBody.create(request.body(config.json), mediaType(request.mediaType().orElseThrow()));
    } else if (HttpMethods.requiresBody(request.method())) {
      body = RequestBody.create(new byte[0], null);
    }
    return builder.method(request.method(), body).build();
  }

  private Call newCall(Request request) {
    WatchdogAnchor.shared().touch();
    Call call = http.newCall(request);
    calls.started(call);
    Duration perCall = CallContext.of(request).timeout();
    if (perCall != null && !config.callTimeout.isZero()) {
      // A call with its own timeout (a long poll) is never cut short by the client-wide deadline.
      call.timeout().timeout(config.callTimeout.plus(perCall).toMillis(), TimeUnit.MILLISECONDS);
    }
    return call;
  }

  /** Parsing a media type costs a regex match; JSON bodies, nearly all of them, skip it. */
  private static MediaType mediaType(String mediaType) {
    return mediaType.equals(JSON_MEDIA_TYPE.toString()) ? JSON_MEDIA_TYPE : MediaType.parse(mediaType);
  }

  /** Builds a {@link SognoClient}. Not thread-safe. */
  public static final class Builder {
    private HttpUrl baseUrl;
    private OkHttpClient httpClient = SharedHttp.base();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(30);
    private Duration writeTimeout = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofMinutes(5);
    private long maxResponseBytes = 16L * 1024 * 1024;
    private Authentication authentication = Authentication.NONE;
    private RetryConfig retry = RetryConfig.defaults();
    private CircuitBreakerConfig circuitBreaker = CircuitBreakerConfig.defaults();
    private LoggingConfig logging = LoggingConfig.defaults();
    private RedirectConfig redirects = RedirectConfig.defaults();
    private ObservabilityConfig observability = ObservabilityConfig.defaults();
    private SognoJson json = SognoJson.defaults();
    private String userAgentSuffix;
    private Supplier<String> traceparent = () -> null;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.REAL;

    private Builder() {}

    /**
     * The service's base URL; may carry a path prefix (e.g. {@code https://host/api/powerflow} behind
     * the platform's reverse proxy).
     *
     * @throws IllegalArgumentException when it is not an http or https URL
     */
    public Builder baseUrl(String baseUrl) {
      HttpUrl parsed = HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl"));
      if (parsed == null) {
        throw new IllegalArgumentException("Not an http or https URL: " + baseUrl);
      }
      if (parsed.query() != null || parsed.fragment() != null) {
        throw new IllegalArgumentException("The base URL must not have a query or fragment: " + baseUrl);
      }
      this.baseUrl = parsed;
      return this;
    }

    /** See {@link #baseUrl(String)}. */
    public Builder baseUrl(URI baseUrl) {
      return baseUrl(Objects.requireNonNull(baseUrl, "baseUrl").toString());
    }

    /**
     * The OkHttpClient to derive from (connection pool, dispatcher, TLS, proxy, your interceptors run
     * before the SDK's). Default: one shared by all SDK clients in the process.
     */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /** Default 10 s. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = nonNegative(timeout, "connectTimeout");
      return this;
    }

    /** Longest wait for response bytes per attempt; default 30 s; overridable per call. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = nonNegative(timeout, "readTimeout");
      return this;
    }

    /** Default 30 s. */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = nonNegative(timeout, "writeTimeout");
      return this;
    }

    /**
     * Deadline for a whole call: connecting, every attempt and the waits between them, and reading the
     * body (so a body that trickles in slowly ends in {@link RequestTimeoutException}, never a hang);
     * default 5 minutes, zero for none. A request with its own {@link ApiRequest.Builder#timeout}
     * gets this plus that timeout.
     */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = nonNegative(timeout, "callTimeout");
      return this;
    }

    /**
     * The longest 2xx body {@link #execute} and {@link #executeAsync} read, in bytes; default 16 MiB.
     * Enforced while reading: a longer body gives {@link ResponseTooLargeException} without being
     * buffered. {@link #download} streams bodies of any size instead.
     *
     * @throws IllegalArgumentException when not positive
     */
    public Builder maxResponseBytes(long maxResponseBytes) {
      if (maxResponseBytes <= 0) {
        throw new IllegalArgumentException("maxResponseBytes must be positive: " + maxResponseBytes);
      }
      this.maxResponseBytes = maxResponseBytes;
      return this;
    }

    /** Credentials, sent only to the base URL's origin; default none. */
    public Builder authentication(Authentication authentication) {
      this.authentication = Objects.requireNonNull(authentication, "authentication");
      return this;
    }

    /** Default {@link RetryConfig#defaults()}; {@link RetryConfig#disabled()} turns retries off. */
    public Builder retry(RetryConfig retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /** Default {@link CircuitBreakerConfig#defaults()}; {@link CircuitBreakerConfig#disabled()} turns it off. */
    public Builder circuitBreaker(CircuitBreakerConfig circuitBreaker) {
      this.circuitBreaker = Objects.requireNonNull(circuitBreaker, "circuitBreaker");
      return this;
    }

    /** Default {@link LoggingConfig#defaults()}. */
    public Builder logging(LoggingConfig logging) {
      this.logging = Objects.requireNonNull(logging, "logging");
      return this;
    }

    /** Default {@link RedirectConfig#defaults()}: same-origin redirects only. */
    public Builder redirects(RedirectConfig redirects) {
      this.redirects = Objects.requireNonNull(redirects, "redirects");
      return this;
    }

    /**
     * Where calls are measured and traced; default {@link ObservabilityConfig#defaults()}: neither.
     * With a meter registry: a timer per call by operation, method, status class and outcome, retries
     * by reason, circuit-breaker state and transitions. With an OpenTelemetry: a client span per
     * call (attempts, retries and circuit-breaker refusals as events) whose traceparent is the one
     * sent. Names in the SDK's {@code docs/observability.md}.
     */
    public Builder observability(ObservabilityConfig observability) {
      this.observability = Objects.requireNonNull(observability, "observability");
      return this;
    }

    /** Default {@link SognoJson#defaults()}. */
    public Builder json(SognoJson json) {
      this.json = Objects.requireNonNull(json, "json");
      return this;
    }

    /** Appended to the user agent, e.g. {@code powerflow-ui/2.3}. */
    public Builder userAgentSuffix(String suffix) {
      this.userAgentSuffix = suffix;
      return this;
    }

    /**
     * Where the caller's current W3C {@code traceparent} comes from (e.g. a bridge to the MDC);
     * returning {@code null} or an invalid value starts a new trace. A {@code traceparent} header set
     * on the request wins. With an OpenTelemetry in {@link #observability}, the current span wins
     * over this supplier, and what is sent is the call's own span's traceparent, a child of either.
     */
    public Builder traceparent(Supplier<String> current) {
      this.traceparent = Objects.requireNonNull(current, "current");
      return this;
    }

    /** The clock {@code Retry-After} dates and the retry time cap are measured with; for tests. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How the retry step waits between attempts; tests record the waits instead of spending them. */
    Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** @throws IllegalStateException when no base URL was set */
    public SognoClient build() {
      if (baseUrl == null) {
        throw new IllegalStateException("SognoClient needs a baseUrl");
      }
      return new SognoClient(this);
    }

    private Builder copy() {
      Builder copy = new Builder();
      copy.baseUrl = baseUrl;
      copy.httpClient = httpClient;
      copy.connectTimeout = connectTimeout;
      copy.readTimeout = readTimeout;
      copy.writeTimeout = writeTimeout;
      copy.callTimeout = callTimeout;
      copy.maxResponseBytes = maxResponseBytes;
      copy.authentication = authentication;
      copy.retry = retry;
      copy.circuitBreaker = circuitBreaker;
      copy.logging = logging;
      copy.redirects = redirects;
      copy.observability = observability;
      copy.json = json;
      copy.userAgentSuffix = userAgentSuffix;
      copy.traceparent = traceparent;
      copy.clock = clock;
      copy.sleeper = sleeper;
      return copy;
    }

    private static Duration nonNegative(Duration value, String name) {
      if (Objects.requireNonNull(value, name).isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative: " + value);
      }
      return value;
    }
  }
}
