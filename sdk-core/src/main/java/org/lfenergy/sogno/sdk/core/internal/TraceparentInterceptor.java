package org.lfenergy.sogno.sdk.core.internal;

import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
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
  private static final HexFormat HEX = HexFormat.of();

  private final Supplier<String> current;

  public TraceparentInterceptor(Supplier<String> current) {
    this.current = current;
  }

  /** Whether {@code value} is a well-formed version-00-compatible traceparent. */
  public static boolean isValid(String value) {
    return value != null && VALID.matcher(value).matches() && !value.startsWith("ff");
  }

  /**
   * A new traceparent with random trace and parent ids, sampled. W3C Trace Context asks for random,
   * unique ids, not unpredictable ones, so ThreadLocalRandom serves instead of a contended SecureRandom.
   */
  public static String newTraceparent() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long traceHigh = random.nextLong();
    long traceLow = random.nextLong();
    long parent = random.nextLong();
    while (traceHigh == 0 && traceLow == 0) { // all-zero ids are invalid
      traceLow = random.nextLong();
    }
    while (parent == 0) {
      parent = random.nextLong();
    }
    return "00-" + HEX.toHexDigits(traceHigh) + HEX.toHexDigits(traceLow) + "-" + HEX.toHexDigits(parent) + "-01";
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
