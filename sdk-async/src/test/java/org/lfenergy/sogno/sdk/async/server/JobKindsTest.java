package org.lfenergy.sogno.sdk.async.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JobKindsTest {
  private final JobKinds kinds = JobKinds.builder()
      .kind("double", Integer.class, (request, ctx) -> request * 2)
      .build();

  @Test
  void kindWorkRunsTheHandlerInProcessForTheInMemoryManager() throws Exception {
    assertThat(kinds.work("double", 21).run(null)).isEqualTo(42);
    assertThat(kinds.names()).containsExactly("double");
  }

  @Test
  void registeringAKindTwiceOrWithoutANameIsRefused() {
    assertThatThrownBy(() -> JobKinds.builder().kind("a", String.class, (r, c) -> r).kind("a", String.class, (r, c) -> r))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    assertThatThrownBy(() -> JobKinds.builder().kind(" ", String.class, (r, c) -> r))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");
  }
}
