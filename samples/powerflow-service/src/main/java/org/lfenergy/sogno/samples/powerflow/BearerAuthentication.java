package org.lfenergy.sogno.samples.powerflow;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;
import org.lfenergy.sogno.sdk.core.server.ProblemException;
import org.lfenergy.sogno.sdk.core.server.ProblemResponse;
import org.lfenergy.sogno.sdk.server.javalin.JavalinServer;

/**
 * Bearer-token checking in front of the SDK's server runtime, as Javalin before-handlers: everything
 * below {@code /v1/} needs a token with the method's scope, and the token's subject becomes the
 * request's principal (jobs are owned by, and visible to, it). A refusal is answered here with the
 * authenticator's problem ({@code 401} with {@code WWW-Authenticate}, or {@code 403}).
 *
 * <p>Kept until the runtime authenticates requests from the spec's {@code security} itself.
 */
final class BearerAuthentication {
  /** SOGNO-305: 1 to 200 visible ASCII characters; anything else is replaced, never echoed. */
  private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[\\x21-\\x7E]{1,200}");

  private BearerAuthentication() {}

  /** Adds the checks to {@code routes}; nothing when {@code authenticator} is null (checking disabled). */
  static void install(RoutesConfig routes, BearerAuthenticator authenticator) {
    if (authenticator == null) {
      return;
    }
    routes.before("/v1/*", ctx -> ctx.attribute(JavalinServer.PRINCIPAL_ATTRIBUTE, authenticator.authenticate(
        ctx.header("Authorization"), BearerAuthenticator.scopeFor(ctx.req().getMethod()))));
    routes.exception(ProblemException.class, (e, ctx) -> write(ctx, e.response()));
  }

  private static void write(Context ctx, ProblemResponse problem) {
    String given = ctx.header("X-Request-ID");
    String requestId = given != null && SAFE_REQUEST_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    ProblemResponse answer = problem.withRequestId(requestId);
    ctx.status(answer.status());
    answer.headers().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
        values.forEach(value -> ctx.res().addHeader(name, value));
      }
    });
    ctx.header("X-Request-ID", requestId);
    ctx.contentType(answer.contentType());
    ctx.result(answer.body());
  }
}
