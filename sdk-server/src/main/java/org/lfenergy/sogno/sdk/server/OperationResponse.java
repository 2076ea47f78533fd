package org.lfenergy.sogno.sdk.server;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lfenergy.sogno.sdk.async.server.JobWork;

/**
 * What an {@link OperationHandler} answers: a status, headers and a body that the runtime writes
 * (JSON bodies with the server's {@link org.lfenergy.sogno.sdk.core.SognoJson}), or, for an
 * operation whose {@code 202} response is the base spec's {@code Job}, the work of a job that the
 * runtime submits to the server's {@link org.lfenergy.sogno.sdk.async.server.JobManager}.
 *
 * <p>Immutable and thread-safe; {@code with…} methods return copies. {@code X-Request-ID} is always
 * the runtime's: a handler's value for it is replaced.
 */
public final class OperationResponse {
  private static final String JSON = "application/json";

  private final int status;
  private final Map<String, List<String>> headers;
  private final Object jsonBody;
  private final byte[] bytes;
  private final String contentType;
  private final String jobKind;
  private final JobWork jobWork;

  private OperationResponse(int status, Map<String, List<String>> headers, Object jsonBody, byte[] bytes,
      String contentType, String jobKind, JobWork jobWork) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be an HTTP status 100-599, was " + status);
    }
    this.status = status;
    this.headers = headers;
    this.jsonBody = jsonBody;
    this.bytes = bytes;
    this.contentType = contentType;
    this.jobKind = jobKind;
    this.jobWork = jobWork;
  }

  /** {@code status} with {@code body} written as {@code application/json}. */
  public static OperationResponse json(int status, Object body) {
    return new OperationResponse(status, Map.of(), Objects.requireNonNull(body, "body"), null, JSON, null, null);
  }

  /** {@code 200 OK} with {@code body} as JSON. */
  public static OperationResponse ok(Object body) {
    return json(200, body);
  }

  /** {@code status} without a body, e.g. 204. */
  public static OperationResponse status(int status) {
    return new OperationResponse(status, Map.of(), null, null, null, null, null);
  }

  /** {@code status} with raw bytes of {@code contentType} (not copied: hand over ownership). */
  public static OperationResponse bytes(int status, byte[] body, String contentType) {
    return new OperationResponse(status, Map.of(), null, Objects.requireNonNull(body, "body"),
        Objects.requireNonNull(contentType, "contentType"), null, null);
  }

  /**
   * Starts a job of {@code kind} running {@code work}: the runtime answers {@code 202} with {@code
   * Location}, {@code Retry-After} and the job (or {@code 200} on {@code Prefer: wait=N}), honouring
   * {@code Idempotency-Key}; the principal owns it. Only for operations whose 202 response is a Job.
   */
  public static OperationResponse job(String kind, JobWork work) {
    if (kind == null || kind.isBlank()) {
      throw new IllegalArgumentException("kind must not be blank");
    }
    return new OperationResponse(202, Map.of(), null, null, null, kind, Objects.requireNonNull(work, "work"));
  }

  /** A copy with header {@code name} added. */
  public OperationResponse withHeader(String name, String value) {
    Map<String, List<String>> copy = new LinkedHashMap<>(headers);
    List<String> values = new ArrayList<>(copy.getOrDefault(Objects.requireNonNull(name, "name"), List.of()));
    values.add(Objects.requireNonNull(value, "value"));
    copy.put(name, List.copyOf(values));
    return new OperationResponse(status, Collections.unmodifiableMap(copy), jsonBody, bytes, contentType, jobKind, jobWork);
  }

  public int status() {
    return status;
  }

  /** Headers the handler set, in order. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The object to write as JSON, if this is a JSON answer. */
  public Optional<Object> jsonBody() {
    return Optional.ofNullable(jsonBody);
  }

  /** The raw body, if this is a raw answer (a copy). */
  public Optional<byte[]> rawBody() {
    return Optional.ofNullable(bytes).map(byte[]::clone);
  }

  /** The body's media type, if there is a body. */
  public Optional<String> contentType() {
    return Optional.ofNullable(contentType);
  }

  /** The kind of job to start, if this answer starts one. */
  public Optional<String> jobKind() {
    return Optional.ofNullable(jobKind);
  }

  /** The work of the job to start, if this answer starts one. */
  public Optional<JobWork> jobWork() {
    return Optional.ofNullable(jobWork);
  }

  @Override
  public String toString() {
    return "OperationResponse{" + status + (jobKind == null ? "" : ", job " + jobKind) + '}';
  }
}
