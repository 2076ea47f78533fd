package org.lfenergy.sogno.sdk.core.internal;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Gives every call an {@code X-Request-ID} (a random UUID unless the caller set one) and records it. */
public final class RequestIdInterceptor implements Interceptor {
  public static final String HEADER = "X-Request-ID";

  /**
   * A random version-4 UUID. Request ids need uniqueness, not unpredictability, so ThreadLocalRandom
   * replaces {@link UUID#randomUUID()}'s contended SecureRandom.
   */
  static String newRequestId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
    return new UUID(high, low).toString();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    String requestId = request.header(HEADER);
    if (requestId == null || requestId.isBlank()) {
      requestId = newRequestId();
      request = request.newBuilder().header(HEADER, requestId).build();
    }
    CallContext.of(request).requestId(requestId);
    return chain.proceed(request);
  }
}
