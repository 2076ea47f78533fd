package org.lfenergy.sogno.sdk.kafka.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Looking up a {@code ce_type} by its bytes gives what decoding gives, and the registered instance. */
class TypeNamesTest {

  @Test
  void everyRegisteredNameComesBackAsTheRegisteredInstance() {
    List<String> registered = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      registered.add("org.lfenergy.sogno.type-" + i + ".v" + (i % 3));
    }
    registered.add("sogno.grüße.v1");
    TypeNames names = new TypeNames(registered);

    for (String name : registered) {
      assertThat(names.name(utf8(name))).isSameAs(name);
    }
  }

  @Test
  void anythingElseIsDecoded() {
    TypeNames names = new TypeNames(List.of("sogno.a.v1", "\uD800.v1"));

    assertThat(names.name(utf8("sogno.b.v1"))).isEqualTo("sogno.b.v1");
    assertThat(names.name(utf8("sogno.a.v2"))).isEqualTo("sogno.a.v2");
    assertThat(names.name(new byte[0])).isEmpty();
    assertThat(names.name(new byte[] {(byte) 0xC3})).isEqualTo("\uFFFD");
    // a lone surrogate encodes as '?', which decodes to "?.v1", not to the registered name
    assertThat(names.name(utf8("\uD800.v1"))).isEqualTo("?.v1");
    assertThat(TypeNames.NONE.name(utf8("sogno.a.v1"))).isEqualTo("sogno.a.v1");
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
