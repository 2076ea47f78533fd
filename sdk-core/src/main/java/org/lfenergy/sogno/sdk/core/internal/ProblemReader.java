package org.lfenergy.sogno.sdk.core.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.SognoJson;

/**
 * Reads any error body as a {@link Problem}, best-effort and without ever throwing:
 *
 * <ul>
 *   <li>an RFC 9457 problem (recognised by content type or by its members) as is;
 *   <li>the legacy shapes SOGNO services return today: {@code {"error":{"code","message"}}} (file
 *       service), {@code {"err":…}} (dpsim-api), {@code {"detail":…}} (FastAPI, including its
 *       validation-error list, turned into field errors), {@code {"message":…}};
 *   <li>short plain text as the detail;
 *   <li>anything else (HTML, empty, binary, malformed or truncated JSON) as a problem made from the
 *       status line.
 * </ul>
 *
 * The status is filled in from the response when the body does not state one.
 */
public final class ProblemReader {
  private static final int MAX_TEXT_DETAIL = 500;

  private ProblemReader() {}

  public static Problem read(int status, String contentType, byte[] body, boolean complete, SognoJson json) {
    Problem problem = parse(status, contentType == null ? "" : contentType.toLowerCase(Locale.ROOT), body,
        complete, json);
    return problem.status() == 0 ? problem.toBuilder().status(status).build() : problem;
  }

  private static Problem parse(int status, String contentType, byte[] body, boolean complete, SognoJson json) {
    if (body.length == 0 || !complete) {
      return Problem.of(status);
    }
    Object members = untypedJson(body, json);
    if (members instanceof Map<?, ?> map) {
      @SuppressWarnings("unchecked")
      Map<String, Object> object = (Map<String, Object>) map;
      return fromObject(status, contentType, object);
    }
    if (members == null && contentType.startsWith("text/plain")) {
      String text = utf8(body);
      if (text != null && !text.isBlank()) {
        String detail = text.strip();
        return Problem.of(status).toBuilder()
            .detail(detail.length() > MAX_TEXT_DETAIL ? detail.substring(0, MAX_TEXT_DETAIL) + "…" : detail)
            .build();
      }
    }
    return Problem.of(status);
  }

  private static Problem fromObject(int status, String contentType, Map<String, Object> object) {
    boolean declared = contentType.startsWith(Problem.MEDIA_TYPE);
    if (declared || object.containsKey("type") || object.containsKey("title") || object.containsKey("status")) {
      return ProblemMapping.fromMembers(object);
    }
    Object error = object.get("error");
    if (error instanceof Map<?, ?> fileServiceError) {
      // The file service's "code" is the HTTP status again; only a textual code is a stable error code.
      Object code = fileServiceError.get("code");
      return legacy(status, object, "error").code(code instanceof String text ? text : null)
          .detail(ProblemMapping.text(fileServiceError.get("message"))).build();
    }
    if (ProblemMapping.text(error) != null) {
      return legacy(status, object, "error").detail(ProblemMapping.text(error)).build();
    }
    if (object.containsKey("err")) {
      return legacy(status, object, "err").detail(describe(object.get("err"))).build();
    }
    Object detail = object.get("detail");
    if (detail instanceof List<?> validationErrors) {
      Problem.Builder builder = legacy(status, object, "detail").code("validation-failed")
          .type(Problem.sdkType("validation-failed")).detail("The request is invalid.");
      validationErrors.forEach(item -> FastApiErrors.add(item, builder));
      return builder.build();
    }
    if (object.containsKey("detail")) {
      return legacy(status, object, "detail").detail(describe(detail)).build();
    }
    if (object.containsKey("message")) {
      return legacy(status, object, "message").detail(describe(object.get("message"))).build();
    }
    return legacy(status, object, null).build();
  }

  /** A status-line problem keeping every member of the legacy body except the one translated. */
  private static Problem.Builder legacy(int status, Map<String, Object> object, String translated) {
    Problem.Builder builder = Problem.of(status).toBuilder();
    object.forEach((name, value) -> {
      if (!name.equals(translated) && !Problem.RESERVED_MEMBERS.contains(name)) {
        builder.extension(name, value);
      }
    });
    return builder;
  }

  private static String describe(Object value) {
    String text = ProblemMapping.text(value);
    return text != null ? text : value == null ? null : String.valueOf(value);
  }

  private static Object untypedJson(byte[] body, SognoJson json) {
    try {
      return json.readUntyped(body);
    } catch (RuntimeException | StackOverflowError e) {
      return null;
    }
  }

  private static String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
