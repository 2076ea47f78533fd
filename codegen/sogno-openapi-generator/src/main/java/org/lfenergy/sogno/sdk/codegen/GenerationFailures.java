package org.lfenergy.sogno.sdk.codegen;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lfenergy.sogno.sdk.lint.Finding;
import org.lfenergy.sogno.sdk.lint.LoadedSpec;

/**
 * Turns what escapes OpenAPI Generator into one located line. Its messages name the failing operation
 * or model but carry a dump of every schema of the spec ({@code Schemas: {…}}), thousands of lines in a
 * build log; only the operation or model, where the spec has it, and the root cause's first line are
 * kept, and the root cause (not the wrapper holding the dump) becomes the exception's cause.
 */
final class GenerationFailures {
  private static final Pattern OPERATION = Pattern.compile("Operation: (.*)");
  private static final Pattern RESOURCE = Pattern.compile("Resource: (\\S+) (.*)");
  private static final Pattern MODEL = Pattern.compile("(?:process|generate) model '([^']*)'");
  private static final Pattern API = Pattern.compile("generate api file for '([^']*)'");
  private static final int MAX_REASON = 300;

  private GenerationFailures() {}

  /** A refusal listing the loader's findings, each {@code RULE LEVEL file:line message}. */
  static GenerationException refused(LoadedSpec spec) {
    StringBuilder message = new StringBuilder("Cannot generate a client from ").append(spec.fileName()).append(": ")
        .append(spec.findings().size()).append(" loading problem(s); fix them (sogno:lint lists them too)");
    for (Finding finding : spec.findings()) {
      message.append("\n  ").append(finding.format());
    }
    return new GenerationException(message.toString(), null);
  }

  /**
   * One message naming where generation failed: {@code file:line: operation 'x' (GET /p): Cause: reason}.
   *
   * @param locate the {@code file:line} of a JSON pointer into the spec, or a plain file name
   */
  static GenerationException summarise(RuntimeException failure, String specName, Function<String, String> locate) {
    Throwable root = failure;
    String where = null;
    for (Throwable t = failure; t != null; t = t.getCause()) {
      where = where != null ? where : where(String.valueOf(t.getMessage()), locate).orElse(null);
      root = t;
    }
    String reason = firstLine(root.getMessage());
    String message = (where == null ? locate.apply("") + ": generation failed" : where) + ": "
        + root.getClass().getSimpleName() + (reason.isEmpty() ? "" : ": " + reason);
    return new GenerationException("Could not generate a client from " + specName + ". " + message, root);
  }

  private static Optional<String> where(String message, Function<String, String> locate) {
    Matcher operation = OPERATION.matcher(message);
    Matcher resource = RESOURCE.matcher(message);
    if (operation.find() && resource.find()) {
      String method = resource.group(1);
      String path = resource.group(2).trim();
      return Optional.of(locate.apply("/paths/" + escape(path) + "/" + method.toLowerCase(Locale.ROOT))
          + ": operation '" + operation.group(1).trim() + "' (" + method + " " + path + ")");
    }
    Matcher model = MODEL.matcher(message);
    if (model.find()) {
      return Optional.of(locate.apply("/components/schemas/" + escape(model.group(1))) + ": schema '"
          + model.group(1) + "'");
    }
    Matcher api = API.matcher(message);
    return api.find() ? Optional.of(locate.apply("") + ": API class for tag '" + api.group(1) + "'") : Optional.empty();
  }

  private static String escape(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String line = message.strip().lines().findFirst().orElse("");
    return line.length() > MAX_REASON ? line.substring(0, MAX_REASON) + "…" : line;
  }
}
