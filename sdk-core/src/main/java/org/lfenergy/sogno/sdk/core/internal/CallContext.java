package org.lfenergy.sogno.sdk.core.internal;

import java.time.Duration;
import okhttp3.Request;
import org.lfenergy.sogno.sdk.core.ApiRequest;

/**
 * Per-call state carried through the pipeline as the OkHttp request tag: the per-call timeout going
 * in, the request id and attempt count coming out (so failures can name them), and the call's
 * {@link CallObserver}.
 */
public final class CallContext {
  private final Duration timeout;
  private final CallObserver observer;
  private final ApiRequest request;
  private volatile String requestId;
  private volatile String traceparent;
  private volatile int attempts;

  public CallContext(Duration timeout) {
    this(timeout, CallObserver.NONE, null);
  }

  /**
   * @param observer what records the call's telemetry
   * @param request the call's request, which names the operation in log messages; null if unknown
   */
  public CallContext(Duration timeout, CallObserver observer, ApiRequest request) {
    this.timeout = timeout;
    this.observer = observer;
    this.request = request;
  }

  /**
   * The operation, e.g. {@code GET /v1/grids/{gridId}}; null when the request did not come from a
   * SognoClient. Made on each use: only warnings ask for it, so plain calls build no string for it.
   */
  public String operation() {
    if (request == null) {
      return null;
    }
    String path = request.pathTemplate().orElse(null);
    return request.method() + " " + (path != null ? path : request.uri().orElseThrow().getPath());
  }

  /** Whether the operation is deprecated in its API description. */
  public boolean deprecated() {
    return request != null && request.isDeprecated();
  }

  /** The context of {@code request}, or a blank one when the request did not come from a SognoClient. */
  public static CallContext of(Request request) {
    CallContext context = request.tag(CallContext.class);
    return context != null ? context : new CallContext(null);
  }

  public Duration timeout() {
    return timeout;
  }

  public CallObserver observer() {
    return observer;
  }

  public String requestId() {
    return requestId;
  }

  void requestId(String requestId) {
    this.requestId = requestId;
  }

  /** The traceparent of a traced call (its span's), or null. */
  public String traceparent() {
    return traceparent;
  }

  void traceparent(String traceparent) {
    this.traceparent = traceparent;
  }

  public int attempts() {
    return attempts;
  }

  void attemptStarted() {
    attempts++;
  }
}
