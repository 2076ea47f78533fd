package org.lfenergy.sogno.sdk.core.internal;

import java.io.IOException;
import java.net.ProtocolException;
import java.util.HashSet;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.lfenergy.sogno.sdk.core.RedirectConfig;

/**
 * Follows redirects by the rules of {@link RedirectConfig}, in place of OkHttp's own following (which
 * keeps cookies and custom secret headers across origins and re-sends any body on 307/308). Runs
 * inside the retry step, so each hop passes circuit breaker, authentication and logging.
 */
public final class RedirectInterceptor implements Interceptor {
  private final RedirectConfig settings;
  private final Set<String> stripped;

  /** @param alsoStripped further lower-case header names to strip from cross-origin hops (logging's secrets) */
  public RedirectInterceptor(RedirectConfig settings, Set<String> alsoStripped) {
    this.settings = settings;
    Set<String> names = new HashSet<>(settings.sensitiveHeaders());
    names.addAll(alsoStripped);
    this.stripped = Set.copyOf(names);
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Response response = chain.proceed(request);
    if (!settings.follow()) {
      return response;
    }
    for (int hops = 0; ; hops++) {
      Request next = followUp(request, response);
      if (next == null) {
        return response;
      }
      response.close();
      if (hops == settings.maxRedirects()) {
        throw new ProtocolException("Too many redirects: more than " + settings.maxRedirects());
      }
      request = next;
      response = chain.proceed(request);
    }
  }

  private Request followUp(Request request, Response response) {
    int code = response.code();
    if (code != 301 && code != 302 && code != 303 && code != 307 && code != 308) {
      return null;
    }
    String location = response.header("Location");
    HttpUrl target = location == null ? null : request.url().resolve(location);
    if (target == null) {
      return null;
    }
    boolean sameOrigin = sameOrigin(request.url(), target);
    if (!sameOrigin && !settings.followCrossOrigin()) {
      return null;
    }
    Request.Builder next = request.newBuilder().url(target);
    String method = request.method();
    if (code == 307 || code == 308) {
      if (!RetryInterceptor.isRetryable(request)) {
        return null; // the body would be sent a second time where a retry would not be allowed
      }
    } else if (!method.equals("GET") && !method.equals("HEAD")) {
      next.method("GET", null).removeHeader("Content-Type").removeHeader("Content-Length")
          .removeHeader("Transfer-Encoding");
    }
    if (!sameOrigin) {
      for (String name : request.headers().names()) {
        if (stripped.contains(name.toLowerCase(java.util.Locale.ROOT))) {
          next.removeHeader(name);
        }
      }
    }
    return next.build();
  }

  private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equals(b.host()) && a.port() == b.port();
  }
}
