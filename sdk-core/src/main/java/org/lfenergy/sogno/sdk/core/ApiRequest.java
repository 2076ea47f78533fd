package org.lfenergy.sogno.sdk.core;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.lfenergy.sogno.sdk.core.internal.HttpMethods;

/**
 * One HTTP call for {@link SognoClient#execute}: method, a path template relative to the client's
 * base URL (or a URI), parameters, headers and an optional body.
 *
 * <pre>{@code
 * ApiRequest request = ApiRequest.builder("GET", "/v1/jobs/{jobId}")
 *     .pathParam("jobId", jobId)
 *     .queryParam("fields", "status")
 *     .build();
 * }</pre>
 *
 * <p>A path template is appended to the base URL's path, so {@code /v1/jobs/{jobId}} on base {@code
 * https://host/api/powerflow} calls {@code https://host/api/powerflow/v1/jobs/42}. A {@link URI} is
 * used as is when absolute, and resolved against the base URL (as a directory) per RFC 3986 when
 * relative; resolve a {@code Location} header against {@link ApiResponse#uri()} first.
 *
 * <p>Bodies are kept as bytes (JSON bodies are written once per call), so every attempt of a retried
 * call sends the same body; streamed bodies ({@link Builder#bodyFrom(Path, String)}, {@link
 * Builder#multipart}) are read afresh for each attempt, or sent only once when read from a stream.
 * Immutable and thread-safe; {@link #newBuilder()} makes variants.
 */
public final class ApiRequest {
  /** The header that makes a POST or PATCH safe to retry. */
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final String method;
  private final String pathTemplate;
  private final URI uri;
  // Immutable snapshots taken once at build, so the accessors the client calls per send copy nothing.
  private final Map<String, String> pathParams;
  private final List<Map.Entry<String, String>> queryParams;
  private final List<Map.Entry<String, String>> headers;
  private final byte[] body;
  private final Object jsonBody;
  private final boolean hasJsonBody;
  private final String mediaType;
  private final Duration timeout;
  private final String operation;
  private final boolean deprecated;
  private final Path bodyFile;
  private final InputStream bodyStream;
  private final MultipartBody multipart;

  private ApiRequest(Builder builder) {
    this.method = builder.method;
    this.pathTemplate = builder.pathTemplate;
    this.uri = builder.uri;
    this.pathParams = Map.copyOf(builder.pathParams);
    this.queryParams = List.copyOf(builder.queryParams);
    this.headers = List.copyOf(builder.headers);
    this.body = builder.body;
    this.jsonBody = builder.jsonBody;
    this.hasJsonBody = builder.hasJsonBody;
    this.mediaType = builder.mediaType;
    this.timeout = builder.timeout;
    this.operation = builder.operation;
    this.deprecated = builder.deprecated;
    this.bodyFile = builder.bodyFile;
    this.bodyStream = builder.bodyStream;
    this.multipart = builder.multipart;
  }

  /**
   * A request to {@code pathTemplate}, relative to the base URL; {@code {name}} placeholders are
   * filled by {@link Builder#pathParam}.
   */
  public static Builder builder(String method, String pathTemplate) {
    return new Builder(method, Objects.requireNonNull(pathTemplate, "pathTemplate"), null);
  }

  /** A request to an absolute URI, or a relative one resolved against the base URL. */
  public static Builder builder(String method, URI uri) {
    return new Builder(method, null, Objects.requireNonNull(uri, "uri"));
  }

  /** The HTTP method, upper case. */
  public String method() {
    return method;
  }

  /** The path template, when the request was built from one. */
  public Optional<String> pathTemplate() {
    return Optional.ofNullable(pathTemplate);
  }

  /** The URI, when the request was built from one. */
  public Optional<URI> uri() {
    return Optional.ofNullable(uri);
  }

  /** Path parameter values by name, unencoded. */
  public Map<String, String> pathParams() {
    return pathParams;
  }

  /** Query parameters in order; a name may repeat. Values are unencoded. */
  public List<Map.Entry<String, String>> queryParams() {
    return queryParams;
  }

  /** Request headers in order; a name may repeat. */
  public List<Map.Entry<String, String>> headers() {
    return headers;
  }

  /** The first value of header {@code name} (case-insensitive). */
  public Optional<String> header(String name) {
    for (Map.Entry<String, String> header : headers) {
      if (header.getKey().equalsIgnoreCase(name)) {
        return Optional.of(header.getValue());
      }
    }
    return Optional.empty();
  }

  /** The {@code Idempotency-Key} header, if set. */
  public Optional<String> idempotencyKey() {
    return header(IDEMPOTENCY_KEY);
  }

  /** The per-call read timeout, if set. */
  public Optional<Duration> timeout() {
    return Optional.ofNullable(timeout);
  }

  /**
   * Whether the operation is deprecated in its API description ({@link Builder#deprecated}): the client
   * then logs a WARN the first time it calls it.
   */
  public boolean isDeprecated() {
    return deprecated;
  }

  /** Whether the request has a body. */
  public boolean hasBody() {
    return body != null || hasJsonBody || isStreamed();
  }

  /**
   * Whether the body is streamed from a file or stream ({@link Builder#bodyFrom(Path, String)}) or is a
   * {@linkplain Builder#multipart multipart body}, not held as bytes.
   */
  public boolean isStreamed() {
    return bodyFile != null || bodyStream != null || multipart != null;
  }

  /** The {@linkplain Builder#multipart multipart body}, if any. */
  public Optional<MultipartBody> multipart() {
    return Optional.ofNullable(multipart);
  }

  /** The file a {@linkplain Builder#bodyFrom(Path, String) streamed body} is read from, if any. */
  public Optional<Path> bodyFile() {
    return Optional.ofNullable(bodyFile);
  }

  /** The stream a {@linkplain Builder#bodyFrom(InputStream, String) streamed body} is read from, if any. */
  public Optional<InputStream> bodyStream() {
    return Optional.ofNullable(bodyStream);
  }

  /** The body's media type, if the request has a body. */
  public Optional<String> mediaType() {
    return Optional.ofNullable(mediaType);
  }

  /**
   * The body's bytes, writing a {@link Builder#jsonBody JSON body} with {@code json}; empty when the
   * request has no body.
   *
   * @throws JsonException when the JSON body cannot be written
   * @throws IllegalStateException when the body is {@linkplain #isStreamed() streamed}
   */
  public byte[] body(SognoJson json) {
    if (isStreamed()) {
      throw new IllegalStateException("The body is streamed from " + (bodyFile != null ? bodyFile : multipart != null ? multipart : "a stream"));
    }
    if (hasJsonBody) {
      return json.write(jsonBody);
    }
    return body == null ? new byte[0] : body.clone();
  }

  /**
   * The name metrics and traces give this call: the {@link Builder#operation operation} set on it
   * (e.g. the spec's {@code operationId}), else the path template, else {@code
   * "other"} (a request built from a {@link URI}: its path may hold ids, too many names for metrics).
   */
  public String operation() {
    return operation != null ? operation : pathTemplate != null ? pathTemplate : "other";
  }

  /** A builder pre-filled with this request. */
  public Builder newBuilder() {
    Builder copy = new Builder(method, pathTemplate, uri);
    copy.pathParams = pathParams; // immutable: the builder copies them before its first change
    copy.queryParams = queryParams;
    copy.headers = headers;
    copy.body = body;
    copy.jsonBody = jsonBody;
    copy.hasJsonBody = hasJsonBody;
    copy.mediaType = mediaType;
    copy.timeout = timeout;
    copy.operation = operation;
    copy.deprecated = deprecated;
    copy.bodyFile = bodyFile;
    copy.bodyStream = bodyStream;
    copy.multipart = multipart;
    return copy;
  }

  @Override
  public String toString() {
    return method + " " + (pathTemplate != null ? pathTemplate : uri);
  }

  /** Builds an {@link ApiRequest}. Not thread-safe. */
  public static final class Builder {
    private final String method;
    private final String pathTemplate;
    private final URI uri;
    // Immutable until a second value comes, so the common call (one path parameter, no query or
    // headers of its own) allocates no collection that build() would only copy.
    private Map<String, String> pathParams = Map.of();
    private List<Map.Entry<String, String>> queryParams = List.of();
    private List<Map.Entry<String, String>> headers = List.of();
    private byte[] body;
    private Object jsonBody;
    private boolean hasJsonBody;
    private String mediaType;
    private Duration timeout;
    private String operation;
    private boolean deprecated;
    private Path bodyFile;
    private InputStream bodyStream;
    private MultipartBody multipart;

    private Builder(String method, String pathTemplate, URI uri) {
      this.method = normalizedMethod(Objects.requireNonNull(method, "method"));
      this.pathTemplate = pathTemplate;
      this.uri = uri;
    }

    private static String normalizedMethod(String method) {
      String upper = method.trim().toUpperCase(Locale.ROOT);
      boolean valid = !upper.isEmpty();
      for (int i = 0; valid && i < upper.length(); i++) {
        char c = upper.charAt(i);
        valid = c >= 'A' && c <= 'Z' || c == '-' || c == '_';
      }
      if (!valid) {
        throw new IllegalArgumentException("Not an HTTP method: '" + method + "'");
      }
      return upper;
    }

    /** Fills placeholder {@code {name}} with {@code value}, percent-encoded as one path segment. */
    public Builder pathParam(String name, Object value) {
      Objects.requireNonNull(name, "name");
      String text = String.valueOf(Objects.requireNonNull(value, () -> "path parameter '" + name + "' is null"));
      if (pathParams.isEmpty()) {
        pathParams = Map.of(name, text);
      } else {
        if (!(pathParams instanceof LinkedHashMap)) {
          pathParams = new LinkedHashMap<>(pathParams);
        }
        pathParams.put(name, text);
      }
      return this;
    }

    /** Adds a query parameter; repeat the name for multiple values. A {@code null} value is skipped. */
    public Builder queryParam(String name, Object value) {
      if (value != null) {
        queryParams = mutable(queryParams);
        queryParams.add(Map.entry(Objects.requireNonNull(name, "name"), String.valueOf(value)));
      }
      return this;
    }

    /** Adds a header; a {@code null} value is skipped. */
    public Builder header(String name, String value) {
      if (value != null) {
        headers = mutable(headers);
        headers.add(Map.entry(Objects.requireNonNull(name, "name"), value));
      }
      return this;
    }

    /** Replaces every value of header {@code name}; {@code null} removes it. */
    public Builder setHeader(String name, String value) {
      if (!headers.isEmpty()) {
        headers = mutable(headers);
        headers.removeIf(h -> h.getKey().equalsIgnoreCase(name));
      }
      return header(name, value);
    }

    private static <E> List<E> mutable(List<E> list) {
      return list instanceof ArrayList ? list : new ArrayList<>(list);
    }

    /** A JSON body, written by the client's {@link SognoJson} ({@code application/json}). */
    public Builder jsonBody(Object value) {
      clearBody();
      this.jsonBody = value;
      this.hasJsonBody = true;
      this.mediaType = "application/json";
      return this;
    }

    /** A body of {@code mediaType}; the array is copied. */
    public Builder body(byte[] content, String mediaType) {
      byte[] copy = Objects.requireNonNull(content, "content").clone();
      clearBody();
      this.body = copy;
      this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
      return this;
    }

    /** Sets {@code Idempotency-Key}, which lets the client retry a POST or PATCH. */
    public Builder idempotencyKey(String key) {
      return setHeader(IDEMPOTENCY_KEY, Objects.requireNonNull(key, "key"));
    }

    /** Sets a fresh random {@code Idempotency-Key}; every retry of this call sends the same one. */
    public Builder newIdempotencyKey() {
      return idempotencyKey(UUID.randomUUID().toString());
    }

    /**
     * The read timeout of each attempt of this call, overriding the client's; e.g. a long poll with
     * {@code Prefer: wait=60} needs more than 60 seconds.
     */
    public Builder timeout(Duration timeout) {
      if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Names the call in metrics and traces (e.g. the spec's {@code operationId}); default the path
     * template. Keep the set of names small: each one is a separate time series.
     *
     * @throws IllegalArgumentException when blank
     */
    public Builder operation(String operation) {
      if (Objects.requireNonNull(operation, "operation").isBlank()) {
        throw new IllegalArgumentException("operation must not be blank");
      }
      this.operation = operation;
      return this;
    }

    /**
     * A body streamed from {@code file} as the call sends it, never held in memory: for large uploads.
     * The file is read afresh for each attempt, so retries and redirects resend it whole; it must not
     * change during the call. Replaces any other body.
     *
     * @throws NullPointerException if an argument is null
     */
    public Builder bodyFrom(Path file, String mediaType) {
      clearBody();
      this.bodyFile = Objects.requireNonNull(file, "file");
      this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
      return this;
    }

    /**
     * A body streamed from {@code stream} as the call sends it, never held in memory. A stream can be
     * read once, so this call is neither retried nor redirected with its body (use {@link
     * #bodyFrom(Path, String)} for that). The caller closes the stream. Replaces any other body.
     *
     * @throws NullPointerException if an argument is null
     */
    public Builder bodyFrom(InputStream stream, String mediaType) {
      clearBody();
      this.bodyStream = Objects.requireNonNull(stream, "stream");
      this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
      return this;
    }

    /**
     * A {@code multipart/form-data} body, written part by part as the call sends it (its {@link
     * MultipartBody#mediaType()} is the request's media type). With only text, byte and file parts
     * retries and redirects resend it whole; with a stream part the call is neither retried nor
     * redirected with its body. Replaces any other body.
     *
     * @throws NullPointerException if {@code body} is null
     */
    public Builder multipart(MultipartBody body) {
      clearBody();
      this.multipart = Objects.requireNonNull(body, "body");
      this.mediaType = body.mediaType();
      return this;
    }

    private void clearBody() {
      body = null;
      jsonBody = null;
      hasJsonBody = false;
      bodyFile = null;
      bodyStream = null;
      multipart = null;
    }

    /**
     * Marks the operation as deprecated in its API description (generated clients do so for {@code
     * deprecated: true}): the client logs one WARN per operation, as for a {@code Deprecation} header.
     */
    public Builder deprecated() {
      this.deprecated = true;
      return this;
    }

    /** @throws IllegalArgumentException when a body is set on GET, HEAD, OPTIONS or TRACE */
    public ApiRequest build() {
      if ((body != null || hasJsonBody) && !HttpMethods.permitsBody(method)) {
        throw new IllegalArgumentException(method + " requests cannot have a body");
      }
      return new ApiRequest(this);
    }
  }
}
