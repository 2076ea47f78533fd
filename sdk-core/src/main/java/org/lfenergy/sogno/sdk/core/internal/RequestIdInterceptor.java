package org.lfenergy.sogno.sdk.core.internal;

import java.io.IOException;
import java.util.UUID;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Gives every call an {@code X-Request-ID} (a random UUID unless the caller set one) and records it. */
public final class RequestIdInterceptor implements Interceptor {
  public static final String HEADER = "X-Request-ID";

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String requestId = request.header(HEADER);
    if (requestId == null || requestId.isBlank()) {
      requestId = UUID.randomUUID().toString();
      request = request.newBuilder().header(HEADER, requestId).build();
    }
    CallContext.of(request).requestId(requestId);
    return chain.proceed(request);
  }
}
