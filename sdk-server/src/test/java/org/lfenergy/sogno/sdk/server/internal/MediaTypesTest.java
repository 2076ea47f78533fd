package org.lfenergy.sogno.sdk.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MediaTypesTest {

  @Test
  void matchesContentTypesIgnoringCaseAndParametersAndHonoursDeclaredRanges() {
    assertThat(MediaTypes.matchDeclared("Application/JSON; charset=utf-8", List.of("application/json"))).hasValue("application/json");
    assertThat(MediaTypes.matchDeclared("image/png", List.of("image/*"))).hasValue("image/*");
    assertThat(MediaTypes.matchDeclared("text/plain", List.of("application/json"))).isEmpty();
    assertThat(MediaTypes.matchDeclared("application/jsonx", List.of("application/json"))).isEmpty();
  }

  @Test
  void acceptAdmitsRangesAndWildcardsButNotQualityZero() {
    List<String> json = List.of("application/json");

    assertThat(MediaTypes.acceptable(List.of(), json)).isTrue();
    assertThat(MediaTypes.acceptable(List.of("*/*"), json)).isTrue();
    assertThat(MediaTypes.acceptable(List.of("text/html, application/*;q=0.2"), json)).isTrue();
    assertThat(MediaTypes.acceptable(List.of("text/html"), json)).isFalse();
    assertThat(MediaTypes.acceptable(List.of("application/json;q=0"), json)).isFalse();
    assertThat(MediaTypes.acceptable(List.of("text/html"), List.of())).isTrue();
  }

  @Test
  void knowsJsonAndStructuredJsonSuffixes() {
    assertThat(MediaTypes.isJson("application/json")).isTrue();
    assertThat(MediaTypes.isJson("application/merge-patch+json; charset=utf-8")).isTrue();
    assertThat(MediaTypes.isJson("text/json5")).isFalse();
  }
}
