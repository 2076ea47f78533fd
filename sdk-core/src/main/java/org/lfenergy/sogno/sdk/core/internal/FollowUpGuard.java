package org.lfenergy.sogno.sdk.core.internal;

import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps OkHttp from re-sending a request on its own after {@code 503} with {@code Retry-After: 0}
 * (its follow-up logic ignores the method), so {@link RetryInterceptor} alone decides about retries.
 * The network half hides the header from OkHttp's follow-up stage; {@link #restore(Response)} puts
 * it back, called by the innermost application interceptor ({@link LoggingInterceptor}) before
 * anything else sees the response, so that no chain step of its own runs on every call.
 */
public final class FollowUpGuard {
  private static final String HIDDEN = "X-Sogno-Hidden-Retry-After";

  private FollowUpGuard() {}

  /** Add with {@code addNetworkInterceptor}. */
  public static Interceptor hide() {
    return chain -> {
      Response response = chain.proceed(chain.request());
      String retryAfter = response.header("Retry-After");
      if (response.code() != 503 || retryAfter == null) {
        return response;
      }
      return response.newBuilder().removeHeader("Retry-After").header(HIDDEN, retryAfter).build();
    };
  }

  /** {@code response} with the header {@link #hide()} hid put back; the same response when none was hidden. */
  static Response restore(Response response) {
    String hidden = response.header(HIDDEN);
    if (hidden == null) {
      return response;
    }
    return response.newBuilder().removeHeader(HIDDEN).header("Retry-After", hidden).build();
  }
}
