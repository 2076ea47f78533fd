package org.lfenergy.sogno.sdk.core.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import okhttp3.Request;
import org.lfenergy.sogno.sdk.core.RequestTimeoutException;
import org.lfenergy.sogno.sdk.core.SognoException;
import org.lfenergy.sogno.sdk.core.TransportException;

/** Maps the {@link IOException} that ended a call to the SDK exception the caller sees. */
public final class Failures {
  private Failures() {}

  public static SognoException from(IOException failure, Request request) {
    if (failure instanceof SognoIOException carried) {
      return carried.exception();
    }
    CallContext context = CallContext.of(request);
    String requestId = context.requestId();
    String call = request.method() + " " + Redaction.forMessage(request.url()) + attempts(context);
    if (failure instanceof SocketTimeoutException
        || (failure instanceof InterruptedIOException && "timeout".equals(failure.getMessage()))) {
      return new RequestTimeoutException(call + " timed out: " + failure.getMessage() + requestIdSuffix(requestId),
          failure, requestId);
    }
    return new TransportException(call + " failed: " + failure + requestIdSuffix(requestId), failure, requestId);
  }

  private static String attempts(CallContext context) {
    return context.attempts() > 1 ? " (" + context.attempts() + " attempts)" : "";
  }

  private static String requestIdSuffix(String requestId) {
    return requestId == null ? "" : " (request id " + requestId + ")";
  }
}
