package org.lfenergy.sogno.samples.powerflow;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.lfenergy.sogno.samples.powerflow.contract.model.BusResult;
import org.lfenergy.sogno.samples.powerflow.contract.model.BusResultPage;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.server.ProblemException;
import org.lfenergy.sogno.sdk.core.server.Problems;

/**
 * Pages of a finished power flow's bus results (SOGNO-500/501): at most {@code limit} buses (default
 * {@value #DEFAULT_LIMIT}, clamped to {@value #MAX_LIMIT}), in the order of the request, and an opaque
 * {@code next} cursor while buses remain. A result never changes once the job succeeded, so a cursor
 * is the position of the next bus, encoded so clients do not build it; one this service did not hand
 * out is a {@code 400 bad-request} pointing at {@code #/query/cursor}. Stateless.
 */
final class BusPages {
  static final int DEFAULT_LIMIT = 50;
  static final int MAX_LIMIT = 1000;
  private static final String PREFIX = "bus:";

  private BusPages() {}

  /** The page of {@code buses} that starts at {@code cursor} (the first without one). */
  static BusResultPage page(List<BusResult> buses, Optional<Integer> limit, Optional<String> cursor) {
    int from = cursor.map(c -> position(c, buses.size())).orElse(0);
    int to = Math.min(buses.size(), from + Math.min(limit.orElse(DEFAULT_LIMIT), MAX_LIMIT));
    BusResultPage page = new BusResultPage().items(List.copyOf(buses.subList(from, to)));
    return to < buses.size() ? page.next(cursor(to)) : page;
  }

  private static String cursor(int position) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + position).getBytes(StandardCharsets.UTF_8));
  }

  private static int position(String cursor, int size) {
    try {
      String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      int position = decoded.startsWith(PREFIX) ? Integer.parseInt(decoded.substring(PREFIX.length())) : -1;
      if (position > 0 && position < size) {
        return position;
      }
    } catch (IllegalArgumentException e) { // not base64, not a number
      // answered below
    }
    throw new ProblemException(Problems.badRequest("The cursor is not one this service handed out for this result.")
        .withProblem(p -> p.toBuilder().errors(List.of(
            new Problem.FieldError("#/query/cursor", "not a cursor of this result", "invalid-cursor"))).build()));
  }
}
