package org.lfenergy.sogno.sdk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A built request never changes, even when its builder goes on to build others. */
class IncomingRequestTest {

  @Test
  void headersAreCaseInsensitiveAndUnmodifiable() {
    IncomingRequest request = IncomingRequest.builder("get", "/a").header("Accept", "a/b").header("accept", "c/d").build();

    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.headers().get("ACCEPT")).containsExactly("a/b", "c/d");
    assertThat(request.header("accept")).hasValue("a/b");
    assertThatThrownBy(() -> request.headers().put("X", List.of("y"))).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> request.headers().get("Accept").add("e/f")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aBuilderUsedAgainAfterBuildLeavesTheBuiltRequestAsItWas() {
    IncomingRequest.Builder builder = IncomingRequest.builder("GET", "/a").header("Accept", "a/b");
    IncomingRequest first = builder.build();

    IncomingRequest second = builder.header("Accept", "c/d").header("X-Other", "1").build();
    IncomingRequest third = builder.header("X-Other", "2").build();

    assertThat(first.headers()).containsOnlyKeys("Accept");
    assertThat(first.headers().get("Accept")).containsExactly("a/b");
    assertThat(second.headers().get("Accept")).containsExactly("a/b", "c/d");
    assertThat(second.headers().get("X-Other")).containsExactly("1");
    assertThat(third.headers().get("X-Other")).containsExactly("1", "2");
  }
}
