package org.lfenergy.sogno.sdk.core.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;
import org.lfenergy.sogno.sdk.core.LoggingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each attempt at DEBUG to {@value LoggingConfig#LOGGER_NAME}: request line, headers with
 * secrets redacted, bodies only when enabled and textual, status line with duration. The innermost
 * application interceptor, so it first puts back a header {@link FollowUpGuard} hid.
 */
public final class LoggingInterceptor implements Interceptor {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingConfig.LOGGER_NAME);
  private static final String REDACTED = Redaction.MASK;

  private final LoggingConfig settings;

  public LoggingInterceptor(LoggingConfig settings) {
    this.settings = settings;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!LOG.isDebugEnabled()) {
      return FollowUpGuard.restore(chain.proceed(request));
    }
    String requestId = request.header(CallHeadersInterceptor.REQUEST_ID);
    String url = redacted(request.url());
    LOG.debug("--> {} {} (request id {}){}{}", request.method(), url, requestId, headers(request.headers()),
        requestBody(request.body()));
    long start = System.nanoTime();
    Response response;
    try {
      response = FollowUpGuard.restore(chain.proceed(request));
    } catch (IOException e) {
      LOG.debug("<-- {} {} failed after {} ms: {}", request.method(), url, millisSince(start), e.toString());
      throw e;
    }
    LOG.debug("<-- {} {} {} ({} ms, request id {}){}{}", response.code(), request.method(), url,
        millisSince(start), requestId, headers(response.headers()), responseBody(response));
    return response;
  }

  private String redacted(HttpUrl url) {
    return Redaction.forLog(url, settings::isRedactedQueryParam);
  }

  private String headers(Headers headers) {
    if (!settings.headers()) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < headers.size(); i++) {
      String value = settings.isRedacted(headers.name(i)) ? REDACTED : headers.value(i);
      text.append("\n    ").append(headers.name(i)).append(": ").append(value);
    }
    return text.toString();
  }

  private String requestBody(RequestBody body) throws IOException {
    if (!settings.bodies() || body == null || body instanceof StreamedRequestBody || !isText(body.contentType())) {
      return "";
    }
    Buffer buffer = new Buffer();
    body.writeTo(buffer);
    return bodyText(buffer.readByteArray(), body.contentLength());
  }

  private String responseBody(Response response) throws IOException {
    if (!settings.bodies() || !isText(response.body().contentType())) {
      return "";
    }
    return bodyText(response.peekBody(settings.maxBodyBytes()).bytes(), response.body().contentLength());
  }

  private String bodyText(byte[] body, long length) {
    int shown = Math.min(body.length, settings.maxBodyBytes());
    String text = new String(body, 0, shown, StandardCharsets.UTF_8);
    boolean cut = length > shown || body.length > shown;
    return "\n" + text + (cut ? "\n    … (body truncated at " + shown + " bytes)" : "");
  }

  private static boolean isText(MediaType type) {
    if (type == null) {
      return false;
    }
    String subtype = type.subtype();
    return "text".equals(type.type()) || subtype.equals("json") || subtype.endsWith("+json")
        || subtype.equals("xml") || subtype.endsWith("+xml");
  }

  private static long millisSince(long startNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
  }
}
