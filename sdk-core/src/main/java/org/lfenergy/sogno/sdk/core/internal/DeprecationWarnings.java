package org.lfenergy.sogno.sdk.core.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warns once per operation per client that it is deprecated: when an answer carries {@code
 * Deprecation} (RFC 9745) or {@code Sunset} (RFC 8594), or the operation is deprecated in its API
 * description ({@code ApiRequest.Builder.deprecated()}). Logger {@value #LOGGER}, level WARN; the
 * headers stay on the response for the caller. The client hands it each logical call's final
 * response (after retries and redirects), so it sees each call once; not an interceptor, so a call
 * pays no chain step for it. Thread-safe.
 */
public final class DeprecationWarnings {
  /** The logger's name, to tune or silence these warnings. */
  public static final String LOGGER = "org.lfenergy.sogno.sdk.core.deprecation";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  /** Warns if {@code response}'s call is deprecated and its operation was not warned about yet. */
  public void check(Response response) {
    Request request = response.request();
    CallContext context = CallContext.of(request);
    String deprecation = response.header("Deprecation");
    String sunset = response.header("Sunset");
    if (!context.deprecated() && deprecation == null && sunset == null) {
      return;
    }
    String operation = context.operation() != null ? context.operation()
        : request.method() + " " + request.url().encodedPath();
    if (warned.add(operation) && LOG.isWarnEnabled()) {
      LOG.warn("{} is deprecated{}{}{}; plan to stop using it (warned once per client)", clean(operation),
          context.deprecated() ? " in its API description" : "",
          deprecation == null ? "" : " (Deprecation: " + clean(deprecation) + ")",
          sunset == null ? "" : ", sunset " + clean(sunset));
    }
  }

  /** Header values come from the server: no control characters into the log. */
  private static String clean(String text) {
    return text.replaceAll("\\p{Cntrl}", "?");
  }
}
