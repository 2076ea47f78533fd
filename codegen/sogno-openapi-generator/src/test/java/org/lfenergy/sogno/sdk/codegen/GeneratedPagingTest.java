package org.lfenergy.sogno.sdk.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.lfenergy.sogno.sdk.codegen.grid.api.GridsApi;
import org.lfenergy.sogno.sdk.codegen.grid.api.PagesApi;
import org.lfenergy.sogno.sdk.codegen.grid.model.Bus;
import org.lfenergy.sogno.sdk.codegen.grid.model.Grid;
import org.lfenergy.sogno.sdk.core.BadRequestException;
import org.lfenergy.sogno.sdk.core.PagedIterable;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.SognoClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * List operations answering with the page shape ({@code items}, {@code next}) get {@code …Paged}
 * methods over typed items: a page schema declaring both, and one extending the base {@code Page}
 * with {@code allOf} (specs/grid.yaml).
 */
class GeneratedPagingTest {
  private final MockWebServer server = new MockWebServer();
  private PagesApi pages;

  @BeforeEach
  void start() throws Exception {
    server.start();
    pages = new PagesApi(SognoClient.builder().baseUrl(server.url("/api/grid").toString()).build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void iteratesTypedItemsAcrossPagesWithTheLimitOnEveryPage() throws Exception {
    server.enqueue(json("{\"items\":[{\"id\":\"g1\",\"name\":\"north\"},{\"id\":\"g2\",\"name\":\"south\"}],\"next\":\"c2\"}"));
    server.enqueue(json("{\"items\":[{\"id\":\"g3\",\"name\":\"east\"}]}"));

    List<String> names = new ArrayList<>();
    for (Grid grid : pages.listGridPagesPaged(PagesApi.ListGridPagesOptions.defaults().limit(2).kind("mv"))) {
      names.add(grid.getName());
    }

    assertThat(names).containsExactly("north", "south", "east");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget()).isEqualTo("/api/grid/v1/grid-pages?limit=2&kind=mv");
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget())
        .isEqualTo("/api/grid/v1/grid-pages?limit=2&kind=mv&cursor=c2");
  }

  @Test
  void aPageSchemaExtendingTheBasePageTypesItsItems() throws Exception {
    server.enqueue(json("{\"items\":[{\"number\":1}],\"next\":\"/api/grid/v1/bus-pages?cursor=b2\"}"));
    server.enqueue(json("{\"items\":[{\"number\":2}],\"next\":null}"));

    List<Integer> numbers = pages.listBusesPaged().stream().map(Bus::getNumber).toList();

    assertThat(numbers).containsExactly(1, 2);
    server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget()).isEqualTo("/api/grid/v1/bus-pages?cursor=b2");
  }

  @Test
  void theCursorOptionResumesAtThatPage() throws Exception {
    server.enqueue(json("{\"items\":[{\"id\":\"g1\",\"name\":\"north\"}],\"next\":\"c2\"}"));
    PagedIterable.Page<Grid> first = pages.listGridPagesPaged().pages().iterator().next();
    server.enqueue(json("{\"items\":[{\"id\":\"g2\",\"name\":\"south\"}]}"));

    List<Grid> rest = pages.listGridPagesPaged(PagesApi.ListGridPagesOptions.defaults().cursor(first.nextCursor().orElseThrow()))
        .stream().toList();

    assertThat(rest).extracting(Grid::getName).containsExactly("south");
    server.takeRequest(5, TimeUnit.SECONDS);
    assertThat(server.takeRequest(5, TimeUnit.SECONDS).getTarget()).isEqualTo("/api/grid/v1/grid-pages?cursor=c2");
  }

  @Test
  void aProblemMidIterationIsTheTypedException() {
    server.enqueue(json("{\"items\":[{\"id\":\"g1\",\"name\":\"north\"}],\"next\":\"expired\"}"));
    server.enqueue(new MockResponse.Builder().code(400).setHeader("Content-Type", Problem.MEDIA_TYPE)
        .body("{\"status\":400,\"code\":\"invalid-cursor\"}").build());
    List<Grid> seen = new ArrayList<>();

    assertThatThrownBy(() -> pages.listGridPagesPaged().forEach(seen::add))
        .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.problem().code()).isEqualTo("invalid-cursor"));
    assertThat(seen).extracting(Grid::getId).containsExactly("g1");
  }

  @Test
  void aListAnsweringAPlainArrayHasNoPagedMethod() {
    assertThat(Arrays.stream(GridsApi.class.getMethods()).map(Method::getName)).doesNotContain("listGridsPaged");
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
  }
}
