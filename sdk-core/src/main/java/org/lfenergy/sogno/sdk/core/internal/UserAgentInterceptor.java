package org.lfenergy.sogno.sdk.core.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Sets {@code User-Agent: sogno-sdk-java/<version> (Java <version>) <suffix>} unless the caller set one. */
public final class UserAgentInterceptor implements Interceptor {
  private final String userAgent;

  public UserAgentInterceptor(String suffix) {
    this.userAgent = SdkVersion.userAgent(suffix);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    if (chain.request().header("User-Agent") != null) {
      return chain.proceed(chain.request());
    }
    return chain.proceed(chain.request().newBuilder().header("User-Agent", userAgent).build());
  }
}
