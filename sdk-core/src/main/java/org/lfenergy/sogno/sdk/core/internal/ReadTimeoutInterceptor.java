package org.lfenergy.sogno.sdk.core.internal;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Applies a per-call read timeout ({@code ApiRequest.Builder#timeout}) to every attempt of the call. */
public final class ReadTimeoutInterceptor implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    CallContext context = CallContext.of(chain.request());
    if (context.timeout() == null) {
      return chain.proceed(chain.request());
    }
    int millis = (int) Math.min(Integer.MAX_VALUE, context.timeout().toMillis());
    return chain.withReadTimeout(millis, TimeUnit.MILLISECONDS).proceed(chain.request());
  }
}
