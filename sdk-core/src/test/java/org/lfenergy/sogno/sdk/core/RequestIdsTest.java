package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * SOGNO-305: which inbound request ids a server keeps, and the ids that replace the others (new ids
 * themselves: {@code internal.GeneratedIdsTest}).
 */
class RequestIdsTest {

  @Test
  void keepsOneToTwoHundredVisibleAsciiCharacters() {
    assertThat(RequestIds.acceptOrGenerate(Optional.of("req-42"))).isEqualTo("req-42");
    assertThat(RequestIds.acceptOrGenerate(Optional.of("!~"))).isEqualTo("!~");
    String longest = "a".repeat(RequestIds.MAX_LENGTH);
    assertThat(RequestIds.acceptOrGenerate(Optional.of(longest))).isEqualTo(longest);
  }

  @Test
  void replacesEmptyOverLongAndInvisibleOnesByARandomUuid() {
    for (String bad : new String[] {"", "a".repeat(201), "a b", "tab\t", "new\nline", "ü", "\u007f"}) {
      assertThat(RequestIds.isValid(bad)).as(bad).isFalse();
      String replaced = RequestIds.acceptOrGenerate(Optional.of(bad));
      assertThat(replaced).as(bad).isNotEqualTo(bad);
      assertThat(UUID.fromString(replaced).version()).isEqualTo(4);
    }
    assertThat(UUID.fromString(RequestIds.acceptOrGenerate(Optional.empty())).version()).isEqualTo(4);
  }
}
