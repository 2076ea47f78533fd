package org.lfenergy.sogno.sdk.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavaTextTest {

  @Test
  void stringContentWritesQuotesBackslashesControlAndHtmlCharactersAsOctalEscapes() {
    assertThat(JavaText.stringContent("a\"\\\n<&>='`é")).isEqualTo("a\\042\\134\\012\\074\\046\\076\\075\\047\\140é");
  }

  @Test
  void javadocLeavesNoBackslashCommentEndTagOrLineBreak() {
    assertThat(JavaText.javadoc("x \\u002a/ */ @see {@code y}\nz"))
        .isEqualTo("x &#92;u002a/ *&#47; &#64;see &#123;&#64;code y&#125; z");
  }
}
