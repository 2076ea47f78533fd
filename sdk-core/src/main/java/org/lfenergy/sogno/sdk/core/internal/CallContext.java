package org.lfenergy.sogno.sdk.core.internal;

import java.time.Duration;
import okhttp3.Request;

/**
 * Per-call state carried through the pipeline as the OkHttp request tag: the per-call timeout going
 * in, the request id and attempt count coming out (so failures can name them).
 */
public final class CallContext {
  private final Duration timeout;
  private final String operation;
  private final boolean deprecated;
  private volatile String requestId;
  private volatile int attempts;

  public CallContext(Duration timeout) {
    this(timeout, null, false);
  }

  /**
   * @param operation names the operation in log messages ({@code GET /v1/grids/{gridId}}), null if unknown
   * @param deprecated whether the operation is deprecated in its API description
   */
  public CallContext(Duration timeout, String operation, boolean deprecated) {
    this.timeout = timeout;
    this.operation = operation;
    this.deprecated = deprecated;
  }

  /** The operation, e.g. {@code GET /v1/grids/{gridId}}; null when the request did not come from a SognoClient. */
  public String operation() {
    return operation;
  }

  /** Whether the operation is deprecated in its API description. */
  public boolean deprecated() {
    return deprecated;
  }

  /** The context of {@code request}, or a blank one when the request did not come from a SognoClient. */
  public static CallContext of(Request request) {
    CallContext context = request.tag(CallContext.class);
    return context != null ? context : new CallContext(null);
  }

  public Duration timeout() {
    return timeout;
  }

  public String requestId() {
    return requestId;
  }

  void requestId(String requestId) {
    this.requestId = requestId;
  }

  public int attempts() {
    return attempts;
  }

  void attemptStarted() {
    attempts++;
  }
}
