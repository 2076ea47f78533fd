package org.lfenergy.sogno.sdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The hand-written traceparent check says what the W3C Trace Context grammar says. */
class TraceparentCheckTest {
  /** Version-00 traceparent per W3C Trace Context; version ff is invalid, ids must not be all zero. */
  private static final Pattern W3C =
      Pattern.compile("(?!ff)[0-9a-f]{2}-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

  @Test
  void acceptsWellFormedAndRefusesEachKindOfMalformedValue() {
    assertThat(CallHeadersInterceptor.isValidTraceparent("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")).isTrue();
    assertThat(CallHeadersInterceptor.isValidTraceparent(null)).isFalse();
    assertThat(CallHeadersInterceptor.isValidTraceparent("")).isFalse();
    assertThat(CallHeadersInterceptor.isValidTraceparent("00-0AF7651916CD43DD8448EB211C80319C-b7ad6b7169203331-01"))
        .as("upper-case hex").isFalse();
    assertThat(CallHeadersInterceptor.isValidTraceparent("ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"))
        .as("version ff").isFalse();
    assertThat(CallHeadersInterceptor.isValidTraceparent("00-00000000000000000000000000000000-b7ad6b7169203331-01"))
        .as("zero trace id").isFalse();
    assertThat(CallHeadersInterceptor.isValidTraceparent("00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01"))
        .as("zero parent id").isFalse();
    assertThat(CallHeadersInterceptor.isValidTraceparent("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01-x"))
        .as("trailing data").isFalse();
    assertThat(CallHeadersInterceptor.isValidTraceparent("00_0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"))
        .as("separator").isFalse();
  }

  @Property(tries = 2_000)
  void agreesWithTheW3cGrammarOnValidAndMutatedValues(@ForAll("candidates") String candidate) {
    assertThat(CallHeadersInterceptor.isValidTraceparent(candidate)).as(candidate)
        .isEqualTo(W3C.matcher(candidate).matches());
  }

  /** Generated traceparents, some with one character replaced, some cut or extended. */
  @Provide
  Arbitrary<String> candidates() {
    Arbitrary<String> valid = Arbitraries.create(CallHeadersInterceptor::newTraceparent);
    Arbitrary<String> zeroed = Arbitraries.of(
        "00-00000000000000000000000000000000-b7ad6b7169203331-01",
        "00-0af7651916cd43dd8448eb211c80319c-0000000000000000-01",
        "ff-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    Arbitrary<String> mutated = Combinators.combine(valid, Arbitraries.integers().between(0, 54),
        Arbitraries.of('0', '9', 'a', 'f', 'g', 'A', 'F', '-', '_', ' ', 'z'))
        .as((value, at, replacement) -> value.substring(0, at) + replacement + value.substring(at + 1));
    Arbitrary<String> resized = Combinators.combine(valid, Arbitraries.integers().between(0, 60))
        .as((value, length) -> length <= 55 ? value.substring(0, length) : value + "-0".repeat(length - 55));
    return Arbitraries.oneOf(valid, zeroed, mutated, resized);
  }
}
