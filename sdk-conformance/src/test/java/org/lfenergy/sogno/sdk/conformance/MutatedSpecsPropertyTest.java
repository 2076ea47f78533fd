package org.lfenergy.sogno.sdk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Arbitrary edits of a valid spec (lines dropped, duplicated, truncated, re-indented, characters
 * replaced) never crash the checker: it either checks the service or reports where the spec is
 * broken, as {@code file:line}. Coverage asks for both outcomes among the tries.
 */
class MutatedSpecsPropertyTest {
  static LegacyThingsService service;
  static Path dir;

  @BeforeContainer
  static void start() throws IOException {
    service = new LegacyThingsService();
    dir = Files.createTempDirectory("mutated-specs");
  }

  @AfterContainer
  static void stop() {
    service.close();
  }

  @Property(tries = 60)
  void mutatedSpecsNeverCrashTheChecker(@ForAll("mutatedSpecs") String spec) throws IOException {
    Path file = Files.writeString(Files.createTempFile(dir, "spec", ".yaml"), spec);
    ConformanceReport report = ConformanceChecker.builder()
        .baseUrl(service.baseUri().toString())
        .spec(file)
        .config(ConformanceConfig.builder().seed(3).requestBudget(25).validRequestsPerOperation(1).shrinkAttempts(2)
            .build())
        .build()
        .check();

    Statistics.collect(report.requestsSent() == 0 ? "refused" : "checked");
    Statistics.coverage(coverage -> {
      coverage.check("refused").count(n -> n > 0);
      coverage.check("checked").count(n -> n > 0);
    });
    assertThat(report.findings()).allSatisfy(f -> assertThat(f.location()).matches(".+:[1-9][0-9]*"));
    if (report.requestsSent() == 0) {
      assertThat(report.findings()).as(spec).anySatisfy(f -> {
        assertThat(f.check()).isEqualTo(ConformanceCheck.SPEC_LOADS);
        assertThat(f.location()).startsWith(file.toString() + ":");
      });
    }
  }

  @Provide
  Arbitrary<String> mutatedSpecs() throws IOException {
    List<String> lines = Files.readAllLines(NonConformingServiceTest.SPEC);
    Arbitrary<Integer> line = Arbitraries.integers().between(0, lines.size() - 1);
    Arbitrary<String> kind = Arbitraries.of("drop", "duplicate", "truncate", "indent", "garbage", "tab");
    Arbitrary<String> garbage = Arbitraries.of(": :", "{", "]", "$ref: '#/nowhere'", "&anchor *alias", "\"", "- -",
        "type: [", "openapi: 9.9.9", "paths: 3", "required: true", "x");
    return Combinators.combine(line, kind, garbage).as(Edit::new).list().ofMinSize(1).ofMaxSize(4).map(edits -> {
      List<String> spec = new ArrayList<>(lines);
      edits.forEach(edit -> edit.apply(spec));
      return String.join("\n", spec);
    });
  }

  /** One edit of the spec's lines; the line index wraps around the current length. */
  record Edit(int line, String kind, String text) {
    void apply(List<String> spec) {
      if (spec.isEmpty()) {
        return;
      }
      int at = line % spec.size();
      switch (kind) {
        case "drop" -> spec.remove(at);
        case "duplicate" -> spec.add(at, spec.get(at));
        case "truncate" -> spec.subList(at, spec.size()).clear();
        case "indent" -> spec.set(at, " " + spec.get(at));
        case "tab" -> spec.set(at, "\t" + spec.get(at).strip());
        default -> spec.set(at, spec.get(at).replaceAll(":.*", java.util.regex.Matcher.quoteReplacement(": " + text)));
      }
    }
  }
}
