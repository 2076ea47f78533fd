package org.lfenergy.sogno.sdk.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

class HeaderListTest {
  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> keys(Iterable<Header> headers) {
    List<String> keys = new ArrayList<>();
    headers.forEach(header -> keys.add(header.key()));
    return keys;
  }

  @Test
  void keepsHeadersInOrderWithDuplicatesAndFindsTheLastOfAKey() {
    Headers headers = new HeaderList().add("a", utf8("1")).add("b", utf8("2")).add("a", utf8("3"));

    assertThat(keys(headers)).containsExactly("a", "b", "a");
    assertThat(headers.lastHeader("a").value()).isEqualTo(utf8("3"));
    assertThat(keys(headers.headers("a"))).containsExactly("a", "a");
    assertThat(headers.lastHeader("missing")).isNull();
    assertThat(headers.toArray()).hasSize(3);
  }

  @Test
  void removesEveryHeaderOfAKey() {
    Headers headers = new HeaderList().add("a", utf8("1")).add("b", utf8("2")).add("a", utf8("3")).remove("a");

    assertThat(keys(headers)).containsExactly("b");
  }

  @Test
  void refusesHeadersWithoutAKey() {
    assertThatThrownBy(() -> new HeaderList().add(null, utf8("x"))).isInstanceOf(NullPointerException.class);
  }
}
