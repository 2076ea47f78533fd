package org.lfenergy.sogno.sdk.core.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.lfenergy.sogno.sdk.core.ApiException;
import org.lfenergy.sogno.sdk.core.CircuitOpenException;
import org.lfenergy.sogno.sdk.core.JsonException;
import org.lfenergy.sogno.sdk.core.RequestTimeoutException;
import org.lfenergy.sogno.sdk.core.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns any exception a request handler throws into a {@link ProblemResponse}, framework-neutral.
 * Never leaks stack traces, exception messages or class names into the response: only {@link
 * ProblemException}s (whose problem the service chose) are sent as they are; everything else gets a
 * fixed, generic problem, and unexpected exceptions are logged (with the request id) for operators.
 *
 * <p>Default mappings, most specific class first:
 *
 * <table>
 *   <caption>defaults</caption>
 *   <tr><th>exception</th><th>problem</th></tr>
 *   <tr><td>{@link ProblemException}</td><td>its own</td></tr>
 *   <tr><td>{@link JsonException}</td><td>400 {@code malformed-body}</td></tr>
 *   <tr><td>{@link ApiException} from a downstream call</td><td>502 {@code upstream-error}, or 503
 *       {@code upstream-unavailable} when the upstream said 503</td></tr>
 *   <tr><td>{@link CircuitOpenException}</td><td>503 {@code upstream-unavailable}</td></tr>
 *   <tr><td>{@link RequestTimeoutException}</td><td>504 {@code upstream-timeout}</td></tr>
 *   <tr><td>{@link TransportException}</td><td>502 {@code upstream-error}</td></tr>
 *   <tr><td>anything else</td><td>500 {@code internal-error}, logged at ERROR</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe.
 */
public final class ExceptionProblemMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ExceptionProblemMapper.class);
  private static final ExceptionProblemMapper DEFAULTS = builder().build();

  private final Map<Class<? extends Throwable>, Function<Throwable, ProblemResponse>> mappings;

  private ExceptionProblemMapper(Map<Class<? extends Throwable>, Function<Throwable, ProblemResponse>> mappings) {
    this.mappings = Map.copyOf(mappings);
  }

  /** The default mappings. */
  public static ExceptionProblemMapper defaults() {
    return DEFAULTS;
  }

  /** A builder pre-filled with the default mappings. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The response for {@code failure}, echoing {@code requestId} (may be {@code null}) in the problem
   * and as {@code X-Request-ID}.
   */
  public ProblemResponse toResponse(Throwable failure, String requestId) {
    Objects.requireNonNull(failure, "failure");
    for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
      Function<Throwable, ProblemResponse> mapping = mappings.get(type);
      if (mapping != null) {
        return mapping.apply(failure).withRequestId(requestId);
      }
    }
    LOG.error("Unexpected failure while handling request {}", requestId, failure);
    return Problems.internalError().withRequestId(requestId);
  }

  /** Builds an {@link ExceptionProblemMapper}. Not thread-safe. */
  public static final class Builder {
    private final Map<Class<? extends Throwable>, Function<Throwable, ProblemResponse>> mappings =
        new LinkedHashMap<>();

    private Builder() {
      map(ProblemException.class, ProblemException::response);
      map(JsonException.class, e -> Problems.of(400, "malformed-body", "The request body is not valid JSON."));
      map(ApiException.class, e -> e.status() == 503
          ? Problems.of(503, "upstream-unavailable", "A service this one depends on is unavailable.")
          : Problems.of(502, "upstream-error", "A service this one depends on failed."));
      map(CircuitOpenException.class,
          e -> Problems.of(503, "upstream-unavailable", "A service this one depends on is unavailable."));
      map(RequestTimeoutException.class,
          e -> Problems.of(504, "upstream-timeout", "A service this one depends on did not answer in time."));
      map(TransportException.class,
          e -> Problems.of(502, "upstream-error", "A service this one depends on could not be reached."));
    }

    /**
     * Maps {@code type} and its subclasses (unless they have a mapping of their own). The function
     * decides what the client sees; don't put exception messages in it unless they were written for
     * clients.
     */
    @SuppressWarnings("unchecked")
    public <E extends Throwable> Builder map(Class<E> type, Function<? super E, ProblemResponse> mapping) {
      Objects.requireNonNull(mapping, "mapping");
      mappings.put(Objects.requireNonNull(type, "type"), failure -> mapping.apply((E) failure));
      return this;
    }

    public ExceptionProblemMapper build() {
      return new ExceptionProblemMapper(mappings);
    }
  }
}
