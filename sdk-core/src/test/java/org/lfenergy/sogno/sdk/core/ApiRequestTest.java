package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiRequestTest {
  @Test
  void aPathParameterSetAgainTakesTheLaterValue() {
    ApiRequest request = ApiRequest.builder("GET", "/v1/grids/{gridId}/buses/{busId}")
        .pathParam("gridId", "a").pathParam("gridId", "b").pathParam("busId", 7).build();

    assertThat(request.pathParams()).isEqualTo(Map.of("gridId", "b", "busId", "7"));
  }

  @Test
  void aVariantFromNewBuilderLeavesTheOriginalAsItWas() {
    ApiRequest original = ApiRequest.builder("GET", "/v1/grids/{gridId}").pathParam("gridId", "a")
        .queryParam("page", 1).header("X-Trace", "t1").build();

    ApiRequest variant = original.newBuilder().pathParam("gridId", "b").pathParam("extra", "x")
        .queryParam("page", 2).setHeader("X-Trace", "t2").header("X-Other", "o").build();

    assertThat(original.pathParams()).isEqualTo(Map.of("gridId", "a"));
    assertThat(original.queryParams()).containsExactly(Map.entry("page", "1"));
    assertThat(original.headers()).containsExactly(Map.entry("X-Trace", "t1"));
    assertThat(variant.pathParams()).isEqualTo(Map.of("gridId", "b", "extra", "x"));
    assertThat(variant.queryParams()).containsExactly(Map.entry("page", "1"), Map.entry("page", "2"));
    assertThat(variant.headers()).containsExactly(Map.entry("X-Trace", "t2"), Map.entry("X-Other", "o"));
  }

  @Test
  void setHeaderReplacesEveryValueIgnoringCaseAndNullRemovesIt() {
    ApiRequest request = ApiRequest.builder("GET", "/v1/jobs").header("Prefer", "a").header("prefer", "b")
        .header("Accept", "text/plain").setHeader("PREFER", "wait=5").setHeader("Accept", null).build();

    assertThat(request.headers()).containsExactly(Map.entry("PREFER", "wait=5"));
    assertThat(request.header("prefer")).contains("wait=5");
  }

  @Test
  void aRequestWithoutParametersOrHeadersHasEmptyImmutableCollections() {
    ApiRequest request = ApiRequest.builder("GET", "/v1/jobs").build();

    assertThat(request.pathParams()).isEmpty();
    assertThat(request.queryParams()).isEmpty();
    assertThat(request.headers()).isEmpty();
    assertThatThrownBy(() -> request.headers().add(Map.entry("a", "b"))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> request.pathParams().put("a", "b")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(request.queryParams()).isEqualTo(List.of());
  }
}
