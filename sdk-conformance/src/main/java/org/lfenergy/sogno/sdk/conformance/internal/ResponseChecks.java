package org.lfenergy.sogno.sdk.conformance.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lfenergy.sogno.sdk.conformance.ConformanceCheck;

/**
 * The checks every answer to a request for a documented operation goes through: {@code X-Request-ID}
 * echoed once and unchanged, the status documented, errors as problems with the HTTP status, the
 * body in a documented content type matching its schema, and a {@code 401}'s challenge. Stateless.
 */
public final class ResponseChecks {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SchemaValidator validator;
  private final SpecDocument document;

  public ResponseChecks(SpecDocument document, SchemaValidator validator) {
    this.document = document;
    this.validator = validator;
  }

  /** The violations of {@code exchange}, an answer to a request for {@code operation}. */
  public List<Violation> check(Operation operation, Exchange exchange) {
    List<Violation> found = new ArrayList<>(common(exchange));
    if (!exchange.answered()) {
      return found;
    }
    int status = exchange.status();
    Optional<Located> documented = operation.response(status);
    if (documented.isEmpty()) {
      found.add(new Violation(status >= 400 ? ConformanceCheck.ERROR_STATUS_DOCUMENTED
          : ConformanceCheck.SUCCESS_STATUS_DOCUMENTED, "one of the documented statuses " + operation.responses().keySet(),
          String.valueOf(status)));
    }
    boolean problemOk = found.stream().noneMatch(v -> v.check() == ConformanceCheck.ERRORS_ARE_PROBLEMS);
    if (documented.isPresent() && problemOk) {
      body(documented.get(), exchange).ifPresent(found::add);
    }
    return found;
  }

  /** The checks that hold for any answer, documented operation or not: request id, problems, challenges. */
  public List<Violation> common(Exchange exchange) {
    List<Violation> found = new ArrayList<>();
    if (!exchange.answered()) {
      return found;
    }
    requestId(exchange).ifPresent(found::add);
    if (exchange.status() >= 400) {
      problem(exchange).ifPresent(found::add);
    }
    if (exchange.status() == 401 && exchange.header("WWW-Authenticate").isEmpty()) {
      found.add(new Violation(ConformanceCheck.UNAUTHORIZED_CHALLENGES, "401 with a WWW-Authenticate challenge",
          "401 without WWW-Authenticate"));
    }
    return found;
  }

  private static Optional<Violation> requestId(Exchange exchange) {
    Optional<String> sent = exchange.probe().header("X-Request-ID");
    List<String> echoed = exchange.headers("X-Request-ID");
    if (sent.isEmpty() || echoed.size() == 1 && echoed.get(0).equals(sent.get())) {
      return Optional.empty();
    }
    return Optional.of(new Violation(ConformanceCheck.REQUEST_ID_ECHOED,
        "exactly one X-Request-ID: " + sent.get(), echoed.isEmpty() ? "none" : echoed.size() + " " + echoed));
  }

  private static Optional<Violation> problem(Exchange exchange) {
    String expected = "application/problem+json with \"status\": " + exchange.status();
    String type = MediaTypes.essence(exchange.header("Content-Type").orElse(""));
    if (!type.equals(MediaTypes.PROBLEM)) {
      return Optional.of(new Violation(ConformanceCheck.ERRORS_ARE_PROBLEMS, expected,
          exchange.status() + " " + (type.isEmpty() ? "without Content-Type" : type) + " " + excerpt(exchange)));
    }
    JsonNode body = parse(exchange.body());
    if (body == null || !body.isObject() || body.path("status").asInt(-1) != exchange.status()) {
      return Optional.of(new Violation(ConformanceCheck.ERRORS_ARE_PROBLEMS, expected,
          exchange.status() + " " + type + " " + excerpt(exchange)));
    }
    return Optional.empty();
  }

  private Optional<Violation> body(Located response, Exchange exchange) {
    Located content = response.at("content");
    if (exchange.body().length == 0 || !content.node().isObject() || content.node().isEmpty()
        || exchange.probe().method().equals("HEAD")) {
      return Optional.empty();
    }
    String type = MediaTypes.essence(exchange.header("Content-Type").orElse(""));
    Located media = null;
    for (Map.Entry<String, JsonNode> entry : content.node().properties()) {
      String documented = MediaTypes.essence(entry.getKey());
      if (documented.equals(type) || documented.equals("*/*")
          || documented.endsWith("/*") && type.startsWith(documented.substring(0, documented.length() - 1))) {
        media = content.at(entry.getKey());
        break;
      }
    }
    if (media == null) {
      return Optional.of(new Violation(ConformanceCheck.BODY_MATCHES_SPEC,
          "a documented content type " + iterable(content.node().fieldNames()),
          type.isEmpty() ? "no Content-Type" : type));
    }
    if (!MediaTypes.isJson(type) || !media.node().has("schema")) {
      return Optional.empty();
    }
    JsonNode body = parse(exchange.body());
    if (body == null) {
      return Optional.of(new Violation(ConformanceCheck.BODY_MATCHES_SPEC, "a JSON body", "not JSON: "
          + excerpt(exchange)));
    }
    List<String> errors = validator.violations(document.resolve(media.at("schema")), body);
    return errors.isEmpty() ? Optional.empty() : Optional.of(new Violation(ConformanceCheck.BODY_MATCHES_SPEC,
        "a body matching the documented schema", String.join("; ", errors)));
  }

  static JsonNode parse(byte[] body) {
    try {
      return body.length == 0 ? null : JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  /** The first 200 characters of the body, for findings. */
  static String excerpt(Exchange exchange) {
    String text = exchange.bodyText().strip().replaceAll("\\s+", " ");
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }

  private static List<String> iterable(java.util.Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }
}
