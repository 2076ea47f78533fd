package org.lfenergy.sogno.sdk.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.lfenergy.sogno.sdk.core.RequestIds;

/**
 * The headers the SDK puts on every call: {@code Accept}, {@code User-Agent}, {@code X-Request-ID} (a
 * random UUID unless the caller set one; recorded in the {@link CallContext}) and a W3C
 * {@code traceparent} (a valid one the caller set, else the caller's current one from the configured
 * supplier, e.g. bridged from OpenTelemetry or the MDC, else a new sampled trace). {@link #decorate}
 * sets them while {@code SognoClient} builds the request, so user interceptors see what will be sent
 * and no request is copied for them; as an interceptor after the user's own, it puts back any that a
 * user interceptor removed. Retries run inside, so every attempt carries the same ids. When the call
 * is traced, its {@link CallObserver} starts the call's span as a child of that traceparent (or of the
 * current OpenTelemetry context) and the span's own traceparent is sent instead.
 */
public final class CallHeadersInterceptor implements Interceptor {
  public static final String REQUEST_ID = RequestIds.HEADER;
  public static final String TRACEPARENT = "traceparent";
  private static final String USER_AGENT = "User-Agent";
  private static final String ACCEPT = "Accept";
  private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

  private final String accept;
  private final String userAgent;
  private final Supplier<String> currentTraceparent;

  /**
   * @param accept the {@code Accept} value of calls that set none
   * @param userAgentSuffix appended to the SDK's {@code User-Agent}; may be null
   * @param currentTraceparent the caller's current traceparent, or null
   */
  public CallHeadersInterceptor(String accept, String userAgentSuffix, Supplier<String> currentTraceparent) {
    this.accept = accept;
    this.userAgent = SdkVersion.userAgent(userAgentSuffix);
    this.currentTraceparent = currentTraceparent;
  }

  /**
   * Adds the call's own {@code headers} to {@code request}, then the SDK's headers the call did not
   * set (or, for {@code X-Request-ID} and {@code traceparent}, set blank or malformed), and records the
   * request id in {@code context}.
   */
  public void decorate(Request.Builder request, List<Map.Entry<String, String>> headers, CallContext context) {
    boolean hasAccept = false;
    boolean hasUserAgent = false;
    String requestId = null;
    String traceparent = null;
    for (Map.Entry<String, String> header : headers) {
      String name = header.getKey();
      request.addHeader(name, header.getValue());
      hasAccept |= name.equalsIgnoreCase(ACCEPT);
      hasUserAgent |= name.equalsIgnoreCase(USER_AGENT);
      if (requestId == null && name.equalsIgnoreCase(REQUEST_ID) && !header.getValue().isBlank()) {
        requestId = header.getValue();
      }
      if (traceparent == null && name.equalsIgnoreCase(TRACEPARENT) && isValidTraceparent(header.getValue())) {
        traceparent = header.getValue();
      }
    }
    if (requestId != null) {
      context.requestId(requestId);
    }
    String spans = context.observer().begin(traceparent, currentTraceparent);
    if (spans != null) { // the call's span, a child of what the call would have sent
      request.header(TRACEPARENT, spans);
      context.traceparent(spans);
      traceparent = spans;
    }
    addMissing(request, hasAccept, hasUserAgent, requestId != null, traceparent != null, context);
  }

  /** Sets the SDK's headers that are missing; a generated request id is recorded in {@code context}. */
  private void addMissing(Request.Builder request, boolean hasAccept, boolean hasUserAgent, boolean hasRequestId,
      boolean hasTraceparent, CallContext context) {
    if (!hasAccept) {
      request.header(ACCEPT, accept);
    }
    if (!hasUserAgent) {
      request.header(USER_AGENT, userAgent);
    }
    if (!hasRequestId) {
      String requestId = newRequestId();
      request.header(REQUEST_ID, requestId);
      context.requestId(requestId);
    }
    if (!hasTraceparent) {
      String spans = context.traceparent();
      request.header(TRACEPARENT, spans != null ? spans : traceparent());
    }
  }

  private String traceparent() {
    String callers = currentTraceparent.get();
    return isValidTraceparent(callers) ? callers : newTraceparent();
  }

  /** A random version-4 UUID: {@link RequestIds#newId()}. */
  static String newRequestId() {
    return RequestIds.newId();
  }

  /**
   * Whether {@code value} is a well-formed version-00-compatible traceparent: {@code <2 hex version>-<32
   * hex trace id>-<16 hex parent id>-<2 hex flags>}, lower-case hex, version not {@code ff}, ids not
   * all zero. Checked by hand: it runs on every call, and a regular expression cost more than a
   * microsecond there.
   */
  public static boolean isValidTraceparent(String value) {
    return value != null && value.length() == 55
        && value.charAt(2) == '-' && value.charAt(35) == '-' && value.charAt(52) == '-'
        && isLowerHex(value, 0, 2) && isLowerHex(value, 3, 35) && isLowerHex(value, 36, 52) && isLowerHex(value, 53, 55)
        && !value.startsWith("ff") && !isAllZeros(value, 3, 35) && !isAllZeros(value, 36, 52);
  }

  private static boolean isLowerHex(String value, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = value.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAllZeros(String value, int from, int to) {
    for (int i = from; i < to; i++) {
      if (value.charAt(i) != '0') {
        return false;
      }
    }
    return true;
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
    byte[] text = new byte[55];
    text[0] = '0';
    text[1] = '0';
    text[2] = '-';
    hex(traceHigh, text, 3);
    hex(traceLow, text, 19);
    text[35] = '-';
    hex(parent, text, 36);
    text[52] = '-';
    text[53] = '0';
    text[54] = '1';
    // Written into one array: three hex strings joined cost twice the bytes on every call.
    return new String(text, StandardCharsets.ISO_8859_1);
  }

  /** Writes {@code value} as 16 lower-case hex digits into {@code text} from {@code at}. */
  private static void hex(long value, byte[] text, int at) {
    for (int i = 15; i >= 0; i--) {
      text[at + i] = (byte) HEX_DIGITS[(int) value & 0xF];
      value >>>= 4;
    }
  }

  /**
   * Puts back what a user interceptor removed (a traced call's own traceparent, else a new one); the
   * request is copied only then.
   */
  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    boolean hasAccept = request.header(ACCEPT) != null;
    boolean hasUserAgent = request.header(USER_AGENT) != null;
    String requestId = request.header(REQUEST_ID);
    boolean hasRequestId = requestId != null && !requestId.isBlank();
    boolean hasTraceparent = isValidTraceparent(request.header(TRACEPARENT));
    if (hasAccept && hasUserAgent && hasRequestId && hasTraceparent) {
      return chain.proceed(request);
    }
    Request.Builder changed = request.newBuilder();
    addMissing(changed, hasAccept, hasUserAgent, hasRequestId, hasTraceparent, CallContext.of(request));
    return chain.proceed(changed.build());
  }
}
