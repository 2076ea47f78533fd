package org.lfenergy.sogno.sdk.core.internal;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.lfenergy.sogno.sdk.core.Authentication;
import org.lfenergy.sogno.sdk.core.SognoException;

/**
 * Adds {@code Authorization} from the configured {@link Authentication}, only when the request goes to
 * the base URL's origin (scheme, host, port) and carries no {@code Authorization} of its own. On a
 * 401 it asks the authentication to refresh and, if it offers different credentials, sends the
 * request once more.
 */
public final class AuthInterceptor implements Interceptor {
  private final Authentication authentication;
  private final HttpUrl origin;

  public AuthInterceptor(Authentication authentication, HttpUrl baseUrl) {
    this.authentication = authentication;
    this.origin = baseUrl;
  }

  /** Whether {@code url} has the same scheme, host and port as the base URL. */
  public boolean isSameOrigin(HttpUrl url) {
    return url.scheme().equals(origin.scheme()) && url.host().equals(origin.host()) && url.port() == origin.port();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!isSameOrigin(request.url()) || request.header("Authorization") != null) {
      return chain.proceed(request);
    }
    String credentials = credentials();
    if (credentials == null) {
      return chain.proceed(request);
    }
    Response response = chain.proceed(withCredentials(request, credentials));
    if (response.code() != 401 || !authentication.refreshAfterUnauthorized(credentials)) {
      return response;
    }
    String fresh = credentials();
    if (fresh == null || fresh.equals(credentials)) {
      return response;
    }
    response.close();
    return chain.proceed(withCredentials(request, fresh));
  }

  private String credentials() throws SognoIOException {
    try {
      return authentication.authorization();
    } catch (SognoException e) {
      throw new SognoIOException(e);
    }
  }

  private static Request withCredentials(Request request, String credentials) {
    return request.newBuilder().header("Authorization", credentials).build();
  }
}
