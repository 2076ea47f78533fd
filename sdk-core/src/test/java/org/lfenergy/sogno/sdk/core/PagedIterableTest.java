package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PagedIterableTest {
  /** A page as a generated model reads it. */
  public record NamePage(List<String> items, String next) {}

  @StartStop
  private final MockWebServer server = new MockWebServer();
  private final MockWebServer elsewhere = new MockWebServer();
  private SognoClient client;

  @BeforeEach
  void start() throws Exception {
    elsewhere.start();
    client = SognoClient.builder().baseUrl(server.url("/api").toString()).build();
  }

  @AfterEach
  void stop() {
    elsewhere.close();
  }

  private PagedIterable<String> names() {
    ApiRequest first = ApiRequest.builder("GET", "/v1/names").queryParam("limit", 2).header("X-Tenant", "t1").build();
    return PagedIterable.of(client, first, ResponseReader.json(NamePage.class), NamePage::items, NamePage::next);
  }

  @Test
  void itemsFollowCursorsWithTheFirstRequestsParameters() throws Exception {
    server.enqueue(json("{\"items\":[\"a\",\"b\"],\"next\":\"c2\"}"));
    server.enqueue(json("{\"items\":[\"c\",\"d\"],\"next\":\"c3\"}"));
    server.enqueue(json("{\"items\":[\"e\"]}"));

    assertThat(names()).containsExactly("a", "b", "c", "d", "e");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget()).isEqualTo("/api/v1/names?limit=2");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget()).isEqualTo("/api/v1/names?limit=2&cursor=c2");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget()).isEqualTo("/api/v1/names?limit=2&cursor=c3");
  }

  @Test
  void pagesAreFetchedOnlyAsFarAsTheIterationGoes() {
    server.enqueue(json("{\"items\":[\"a\",\"b\"],\"next\":\"c2\"}"));
    server.enqueue(json("{\"items\":[\"c\"]}"));

    assertThat(names().stream().limit(2).collect(Collectors.toList())).containsExactly("a", "b");
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void relativeAndAbsoluteNextLinksOnTheSameOriginAreFollowedAsGiven() throws Exception {
    server.enqueue(json("{\"items\":[\"a\"],\"next\":\"?cursor=r2&limit=2\"}"));
    server.enqueue(json("{\"items\":[\"b\"],\"next\":\"/api/v1/names?cursor=r3\"}"));
    server.enqueue(json("{\"items\":[\"c\"],\"next\":\"" + server.url("/api/v1/names?cursor=r4") + "\"}"));
    server.enqueue(json("{\"items\":[\"d\"],\"next\":null}"));

    assertThat(names()).containsExactly("a", "b", "c", "d");
    server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget()).isEqualTo("/api/v1/names?cursor=r2&limit=2");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget()).isEqualTo("/api/v1/names?cursor=r3");
    var last = server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(last.getTarget()).isEqualTo("/api/v1/names?cursor=r4");
    assertThat(last.getHeaders().get("X-Tenant")).isEqualTo("t1");
  }

  @Test
  void aNextLinkToAnotherOriginIsRefusedBeforeAnythingIsSentThere() {
    String foreign = elsewhere.url("/steal?cursor=x").toString();
    server.enqueue(json("{\"items\":[\"a\"],\"next\":\"" + foreign + "\"}"));
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> names().forEach(seen::add))
        .isInstanceOfSatisfying(PagingException.class, e -> assertThat(e.cursor()).isEqualTo(foreign))
        .hasMessageContaining("another origin");
    assertThat(seen).containsExactly("a");
    assertThat(elsewhere.getRequestCount()).isZero();
  }

  @Test
  void aSavedCursorResumesWhereTheIterationLeftOff() throws Exception {
    server.enqueue(json("{\"items\":[\"a\",\"b\"],\"next\":\"c2\"}"));
    PagedIterable.Page<String> first = names().pages().iterator().next();
    server.enqueue(json("{\"items\":[\"c\"]}"));

    List<String> rest = names().fromCursor(first.nextCursor().orElseThrow()).stream().collect(Collectors.toList());

    assertThat(first.items()).containsExactly("a", "b");
    assertThat(first.response().status()).isEqualTo(200);
    assertThat(rest).containsExactly("c");
    server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget()).isEqualTo("/api/v1/names?limit=2&cursor=c2");
  }

  @Test
  void aProblemMidIterationIsTheTypedException() {
    server.enqueue(json("{\"items\":[\"a\"],\"next\":\"expired\"}"));
    server.enqueue(new MockResponse.Builder().code(400).setHeader("Content-Type", Problem.MEDIA_TYPE)
        .body("{\"status\":400,\"code\":\"invalid-cursor\"}").build());
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(() -> names().forEach(seen::add))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.problem().code()).isEqualTo("invalid-cursor"));
    assertThat(seen).containsExactly("a");
  }

  @Test
  void aPageRepeatingItsOwnCursorStopsTheIteration() {
    server.enqueue(json("{\"items\":[\"a\"],\"next\":\"same\"}"));
    server.enqueue(json("{\"items\":[\"b\"],\"next\":\"same\"}"));

    assertThatThrownBy(() -> names().forEach(name -> { }))
        .isInstanceOfSatisfying(PagingException.class, e -> assertThat(e.cursor()).isEqualTo("same"));
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void emptyPagesInTheMiddleAreSkippedAndAnEmptyCollectionHasNoItems() {
    server.enqueue(json("{\"items\":[],\"next\":\"c2\"}"));
    server.enqueue(json("{\"items\":[\"z\"]}"));
    server.enqueue(json("{\"items\":[]}"));

    assertThat(names()).containsExactly("z");
    assertThat(names()).isEmpty();
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
  }
}
