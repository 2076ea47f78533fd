package org.lfenergy.sogno.samples.powerflow;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.lfenergy.sogno.sdk.async.server.http.ServerRequest;
import org.lfenergy.sogno.sdk.async.server.http.ServerResponse;
import org.lfenergy.sogno.sdk.core.server.ProblemResponse;

/**
 * Translates between Javalin's {@link Context} and the SDK's framework-neutral request and response
 * types: the only place that knows both.
 */
final class JavalinExchange {
  static final String REQUEST_ID = "X-Request-ID";
  /** SOGNO-305: 1 to 200 visible ASCII characters; anything else is replaced, never echoed. */
  private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[\\x21-\\x7E]{1,200}");
  private static final String REQUEST_ID_ATTRIBUTE = "sogno.requestId";
  private static final String PRINCIPAL_ATTRIBUTE = "sogno.principal";

  private JavalinExchange() {}

  /** Takes the caller's {@code X-Request-ID} if it is safe, else makes one; echoes it. */
  static void assignRequestId(Context ctx) {
    String given = ctx.header(REQUEST_ID);
    String id = given != null && SAFE_REQUEST_ID.matcher(given).matches()
        ? given : UUID.randomUUID().toString();
    ctx.attribute(REQUEST_ID_ATTRIBUTE, id);
    ctx.header(REQUEST_ID, id);
  }

  static String requestId(Context ctx) {
    String id = ctx.attribute(REQUEST_ID_ATTRIBUTE);
    return id == null ? UUID.randomUUID().toString() : id;
  }

  /** Records who the request is from; jobs are owned by, and visible to, that principal. */
  static void setPrincipal(Context ctx, String principal) {
    ctx.attribute(PRINCIPAL_ATTRIBUTE, principal);
  }

  /** The request as the SDK's endpoints see it; the request id is the one assigned. */
  static ServerRequest toServerRequest(Context ctx, byte[] body) {
    ServerRequest.Builder request = ServerRequest.builder(ctx.req().getMethod(), ctx.path())
        .query(ctx.queryString())
        .body(body)
        .principal(ctx.attribute(PRINCIPAL_ATTRIBUTE))
        .remoteAddress(remoteAddress(ctx));
    for (String name : Collections.list(ctx.req().getHeaderNames())) {
      if (!name.equalsIgnoreCase(REQUEST_ID)) {
        Collections.list(ctx.req().getHeaders(name)).forEach(value -> request.header(name, value));
      }
    }
    return request.header(REQUEST_ID, requestId(ctx)).build();
  }

  static void write(Context ctx, ServerResponse response) {
    ctx.status(response.status());
    writeHeaders(ctx, response.headers());
    if (response.bodyLength() > 0) {
      response.header("Content-Type").ifPresent(ctx::contentType);
      ctx.result(response.body());
    }
  }

  static void write(Context ctx, ProblemResponse problem) {
    ProblemResponse answer = problem.withRequestId(requestId(ctx));
    ctx.status(answer.status());
    writeHeaders(ctx, answer.headers());
    ctx.contentType(answer.contentType());
    ctx.result(answer.body());
  }

  private static void writeHeaders(Context ctx, Map<String, List<String>> headers) {
    headers.forEach((name, values) -> {
      if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")
          && !values.isEmpty()) {
        ctx.res().setHeader(name, values.get(0)); // replaces what filters set, e.g. X-Request-ID
        values.stream().skip(1).forEach(value -> ctx.res().addHeader(name, value));
      }
    });
  }

  private static InetAddress remoteAddress(Context ctx) {
    try {
      return InetAddress.getByName(ctx.req().getRemoteAddr());
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
