package org.lfenergy.sogno.sdk.core.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * W3C Trace Context: keeps a valid {@code traceparent} the caller set on the request, else takes the
 * caller's current one from the configured supplier (e.g. bridged from OpenTelemetry or the MDC),
 * else starts a new sampled trace.
 */
public final class TraceparentInterceptor implements Interceptor {
  public static final String HEADER = "traceparent";
  private static final Pattern VALID =
      Pattern.compile("[0-9a-f]{2}-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Supplier<String> current;

  public TraceparentInterceptor(Supplier<String> current) {
    this.current = current;
  }

  /** Whether {@code value} is a well-formed version-00-compatible traceparent. */
  public static boolean isValid(String value) {
    return value != null && VALID.matcher(value).matches() && !value.startsWith("ff");
  }

  /** A new traceparent with random trace and parent ids, sampled. */
  public static String newTraceparent() {
    byte[] ids = new byte[24];
    RANDOM.nextBytes(ids);
    String hex = HexFormat.of().formatHex(ids);
    return "00-" + hex.substring(0, 32) + "-" + hex.substring(32) + "-01";
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (isValid(request.header(HEADER))) {
      return chain.proceed(request);
    }
    String callers = current.get();
    String traceparent = isValid(callers) ? callers : newTraceparent();
    return chain.proceed(request.newBuilder().header(HEADER, traceparent).build());
  }
}
