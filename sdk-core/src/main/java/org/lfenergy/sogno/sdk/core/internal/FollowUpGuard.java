package org.lfenergy.sogno.sdk.core.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Keeps OkHttp from re-sending a request on its own after {@code 503} with {@code Retry-After: 0}
 * (its follow-up logic ignores the method), so {@link RetryInterceptor} alone decides about retries.
 * The network half hides the header from OkHttp's follow-up stage; the application half, innermost,
 * puts it back before anything else sees the response.
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

  /** Add as the innermost application interceptor. */
  public static Interceptor restore() {
    return FollowUpGuard::restore;
  }

  private static Response restore(Interceptor.Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    String hidden = response.header(HIDDEN);
    if (hidden == null) {
      return response;
    }
    return response.newBuilder().removeHeader(HIDDEN).header("Retry-After", hidden).build();
  }
}
