package ${package};

import io.javalin.http.Context;
import java.util.Collections;
import java.util.UUID;
import java.util.regex.Pattern;
import org.lfenergy.sogno.sdk.async.server.http.ServerRequest;
import org.lfenergy.sogno.sdk.async.server.http.ServerResponse;
import org.lfenergy.sogno.sdk.core.server.ProblemResponse;

/** Javalin's {@link Context} to and from the SDK's framework-neutral request and response types. */
final class JavalinExchange {
  static final String REQUEST_ID = "X-Request-ID";
  /** 1 to 200 visible ASCII characters; anything else is replaced, never echoed. */
  private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[\\x21-\\x7E]{1,200}");
  private static final String REQUEST_ID_ATTRIBUTE = "sogno.requestId";

  private JavalinExchange() {
  }

  static void assignRequestId(Context ctx) {
    String given = ctx.header(REQUEST_ID);
    String id = given != null && SAFE_REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    ctx.attribute(REQUEST_ID_ATTRIBUTE, id);
    ctx.header(REQUEST_ID, id);
  }

  static String requestId(Context ctx) {
    String id = ctx.attribute(REQUEST_ID_ATTRIBUTE);
    return id == null ? UUID.randomUUID().toString() : id;
  }

  static ServerRequest toServerRequest(Context ctx, byte[] body) {
    ServerRequest.Builder request = ServerRequest.builder(ctx.req().getMethod(), ctx.path())
        .query(ctx.queryString())
        .body(body);
    for (String name : Collections.list(ctx.req().getHeaderNames())) {
      if (!name.equalsIgnoreCase(REQUEST_ID)) {
        Collections.list(ctx.req().getHeaders(name)).forEach(value -> request.header(name, value));
      }
    }
    return request.header(REQUEST_ID, requestId(ctx)).build();
  }

  static void write(Context ctx, ServerResponse response) {
    ctx.status(response.status());
    response.headers().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
        values.forEach(value -> ctx.res().addHeader(name, value));
      }
    });
    if (response.bodyLength() > 0) {
      response.header("Content-Type").ifPresent(ctx::contentType);
      ctx.result(response.body());
    }
  }

  static void write(Context ctx, ProblemResponse problem) {
    ProblemResponse answer = problem.withRequestId(requestId(ctx));
    ctx.status(answer.status());
    answer.headers().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
        values.forEach(value -> ctx.res().setHeader(name, value));
      }
    });
    ctx.contentType(answer.contentType());
    ctx.result(answer.body());
  }
}
