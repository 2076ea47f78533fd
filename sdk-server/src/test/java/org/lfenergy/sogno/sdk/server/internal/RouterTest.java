package org.lfenergy.sogno.sdk.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouterTest {
  private final Router router = new Router(List.of(
      operation("getThing", "GET", "/v1/things/{thingId}"),
      operation("deleteThing", "DELETE", "/v1/things/{thingId}"),
      operation("searchThings", "GET", "/v1/things/search"),
      operation("listThings", "GET", "/v1/things")));

  @Test
  void literalSegmentsWinOverTemplates() {
    assertThat(router.route("GET", "/v1/things/search").orElseThrow().operation().id()).isEqualTo("searchThings");
    assertThat(router.route("GET", "/v1/things/42").orElseThrow().operation().id()).isEqualTo("getThing");
  }

  @Test
  void decodesPathParametersAndIgnoresATrailingSlash() {
    Router.Match match = router.route("GET", "/v1/things/a%20b%2Fc/").orElseThrow();

    assertThat(match.pathParams()).isEqualTo(Map.of("thingId", "a b/c"));
  }

  @Test
  void aKnownPathWithAnotherMethodListsTheAllowedOnes() {
    Router.Match match = router.route("PUT", "/v1/things/42").orElseThrow();

    assertThat(match.found()).isFalse();
    assertThat(match.allowed()).containsExactly("DELETE", "GET", "HEAD");
  }

  @Test
  void headIsServedByTheGetOperation() {
    assertThat(router.route("HEAD", "/v1/things/42").orElseThrow().operation().id()).isEqualTo("getThing");
  }

  @Test
  void anUnknownPathMatchesNothing() {
    assertThat(router.route("GET", "/v1/things/42/parts")).isEmpty();
    assertThat(router.route("GET", "/v1/things//")).isEmpty();
  }

  private static Operation operation(String id, String method, String path) {
    return new Operation(id, method, new PathTemplate(path), List.of(), Optional.empty(), Map.of(), false);
  }
}
