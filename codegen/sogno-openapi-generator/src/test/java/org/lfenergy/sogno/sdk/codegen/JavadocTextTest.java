package org.lfenergy.sogno.sdk.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavadocTextTest {

  @Test
  void codeSpansBecomeCodeAndMarkupIsEscaped() {
    assertThat(JavadocText.javadoc("With `Prefer: wait=N` the answer <b>waits</b> & says so"))
        .isEqualTo("With <code>Prefer: wait=N</code> the answer &lt;b&gt;waits&lt;/b&gt; &amp; says so");
  }

  @Test
  void commentEndAndTagsCannotEscapeTheComment() {
    assertThat(JavadocText.javadoc("ends */ here @deprecated")).isEqualTo("ends *&#47; here &#64;deprecated");
  }

  @Test
  void generatorStringEscapesAreUndoneAndWhitespaceCollapsed() {
    assertThat(JavadocText.javadoc("  a \\\"quoted\\\"\n\n  word *_/ ")).isEqualTo("a \"quoted\" word *&#47;");
  }
}
