package org.lfenergy.sogno.samples.powerflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lfenergy.sogno.samples.powerflow.HttpTestClient.Response;

/**
 * {@code GET /v1/powerflows/{jobId}/buses} over a loopback socket: the base spec's page shape
 * ({@code items}, {@code next}), {@code limit} honoured and clamped, a followed cursor continuing where
 * the page ended, a forged cursor a {@code 400} pointing at it, an unfinished or unknown job a problem.
 */
class BusResultPagesTest {
  @TempDir static Path jobsDir;
  private static PowerFlowService service;
  private static HttpTestClient client;
  private static String buses;

  @BeforeAll
  static void startServiceAndSolveIeee14() {
    service = PowerFlowService.start(ServiceConfig.fromEnvironment(Map.of("SOGNO_HTTP_HOST", "127.0.0.1",
        "SOGNO_HTTP_PORT", "0", "SOGNO_AUTH_DISABLED", "true", "SOGNO_JOBS_DIR", jobsDir.toString())));
    client = new HttpTestClient(service.baseUri());
    Response done = client.postJson("/v1/powerflows", Ieee14.requestBody(), "Prefer", "wait=30");
    assertThat(done.json().get("status")).isEqualTo("succeeded");
    buses = "/v1/powerflows/" + done.json().get("id") + "/buses";
  }

  @AfterAll
  static void stopService() {
    service.close();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(Response page) {
    return (List<Map<String, Object>>) page.json().get("items");
  }

  @Test
  void followingNextWalksEveryBusInRequestOrderInPagesOfTheLimit() {
    List<Integer> sizes = new ArrayList<>();
    List<Object> numbers = new ArrayList<>();
    String next = null;
    do {
      Response page = client.get(buses + "?limit=5" + (next == null ? "" : "&cursor=" + next));
      assertThat(page.status()).isEqualTo(200);
      sizes.add(items(page).size());
      items(page).forEach(bus -> numbers.add(bus.get("number")));
      next = (String) page.json().get("next");
    } while (next != null);

    assertThat(sizes).containsExactly(5, 5, 4);
    assertThat(numbers).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14);
  }

  @Test
  void withoutALimitOrWithOneAboveTheMaximumOnePageHoldsAllFourteen() {
    for (String query : List.of("", "?limit=100000")) {
      Response page = client.get(buses + query);

      assertThat(items(page)).hasSize(14);
      assertThat(page.json()).doesNotContainKey("next");
    }
  }

  @Test
  void aCursorThisServiceDidNotHandOutIsABadRequestPointingAtIt() {
    for (String forged : List.of("bm90LWEtY3Vyc29y", "YnVzOjE0", "%25%25")) {
      Response answer = client.get(buses + "?cursor=" + forged);

      assertThat(answer.status()).as(forged).isEqualTo(400);
      assertThat(answer.json().get("code")).isEqualTo("bad-request");
      assertThat(answer.json().get("errors").toString()).contains("#/query/cursor");
    }
  }

  @Test
  void anUnknownJobIsNotFound() {
    Response answer = client.get("/v1/powerflows/00000000-0000-4000-8000-000000000000/buses");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.json().get("code")).isEqualTo("job-not-found");
  }
}
