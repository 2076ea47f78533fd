package org.lfenergy.sogno.sdk.core.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Sets {@code User-Agent: sogno-sdk-java/<version> (Java <version>) <suffix>} unless the request has
 * one. {@code SognoClient} already sets {@link #userAgent()} when it builds the request, so this only
 * copies requests from which a user interceptor removed the header.
 */
public final class UserAgentInterceptor implements Interceptor {
  private final String userAgent;

  public UserAgentInterceptor(String suffix) {
    this.userAgent = SdkVersion.userAgent(suffix);
  }

  /** The header value. */
  public String userAgent() {
    return userAgent;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    if (chain.request().header("User-Agent") != null) {
      return chain.proceed(chain.request());
    }
    return chain.proceed(chain.request().newBuilder().header("User-Agent", userAgent).build());
  }
}
