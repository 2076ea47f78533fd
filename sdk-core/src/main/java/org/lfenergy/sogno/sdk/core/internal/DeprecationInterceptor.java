package org.lfenergy.sogno.sdk.core.internal;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns once per operation per client that it is deprecated: when an answer carries {@code
 * Deprecation} (RFC 9745) or {@code Sunset} (RFC 8594), or the operation is deprecated in its API
 * description ({@code ApiRequest.Builder.deprecated()}). Logger {@value #LOGGER}, level WARN; the
 * headers stay on the response for the caller. Sits outside retries, so it sees each logical call once.
 */
public final class DeprecationInterceptor implements Interceptor {
  /** The logger's name, to tune or silence these warnings. */
  public static final String LOGGER = "org.lfenergy.sogno.sdk.core.deprecation";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  @Override
  public Response intercept(Chain chain) throws IOException {
    Response response = chain.proceed(chain.request());
    CallContext context = CallContext.of(chain.request());
    String deprecation = response.header("Deprecation");
    String sunset = response.header("Sunset");
    if (!context.deprecated() && deprecation == null && sunset == null) {
      return response;
    }
    String operation = context.operation() != null ? context.operation()
        : chain.request().method() + " " + chain.request().url().encodedPath();
    if (warned.add(operation) && LOG.isWarnEnabled()) {
      LOG.warn("{} is deprecated{}{}{}; plan to stop using it (warned once per client)", clean(operation),
          context.deprecated() ? " in its API description" : "",
          deprecation == null ? "" : " (Deprecation: " + clean(deprecation) + ")",
          sunset == null ? "" : ", sunset " + clean(sunset));
    }
    return response;
  }

  /** Header values come from the server: no control characters into the log. */
  private static String clean(String text) {
    return text.replaceAll("\\p{Cntrl}", "?");
  }
}
