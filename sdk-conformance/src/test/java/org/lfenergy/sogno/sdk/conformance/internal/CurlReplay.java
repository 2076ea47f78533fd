package org.lfenergy.sogno.sdk.conformance.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lfenergy.sogno.sdk.conformance.ConformanceCheck;
import org.lfenergy.sogno.sdk.conformance.ConformanceFinding;

/**
 * Reads what {@code curl -i} printed for a finding's reproduction and tells whether it shows the
 * finding's breach again: the checks that hold for any answer are re-run through the engine's
 * {@link ResponseChecks#common}, the request-kind checks are restated here.
 */
public final class CurlReplay {
  private static final Pattern REQUEST_ID = Pattern.compile("-H 'X-Request-ID: ([^']*)'");

  private CurlReplay() {
  }

  /** Tells whether {@code output} of the finding's {@code curl} line shows the finding's check failing. */
  public static boolean reproduces(ConformanceFinding finding, byte[] output) {
    Exchange exchange = parse(finding.curl(), output);
    ConformanceCheck check = finding.check();
    return switch (check) {
      case ERRORS_ARE_PROBLEMS, REQUEST_ID_ECHOED, UNAUTHORIZED_CHALLENGES ->
          new ResponseChecks(null, null).common(exchange).stream().anyMatch(v -> v.check() == check);
      case INVALID_REQUEST_REJECTED -> exchange.status() < 400 || exchange.status() >= 500;
      case LONG_RUNNING_IS_JOB -> exchange.status() == 200;
      case PREFER_WAIT_HONOURED -> exchange.status() == 200 && exchange.header("Preference-Applied").isEmpty();
      case WRONG_METHOD_IS_405 -> exchange.status() != 405 || exchange.header("Allow").isEmpty();
      case AUTHENTICATION_REQUIRED -> exchange.status() != 401;
      default -> throw new IllegalArgumentException("No replay for " + check);
    };
  }

  /** The status line, headers and body {@code curl -i} printed, as an exchange of the curl line's request. */
  static Exchange parse(String curl, byte[] output) {
    String text = new String(output, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    String head = end < 0 ? text : text.substring(0, end);
    byte[] body = end < 0 ? new byte[0] : java.util.Arrays.copyOfRange(output, end + 4, output.length);
    String[] lines = head.split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).trim());
      }
    }
    Probe probe = Probe.of("GET", URI.create("http://replay.invalid/"));
    Matcher id = REQUEST_ID.matcher(curl);
    if (id.find()) {
      probe = probe.withHeader("X-Request-ID", id.group(1));
    }
    return new Exchange(probe, status, headers, body, null);
  }
}
