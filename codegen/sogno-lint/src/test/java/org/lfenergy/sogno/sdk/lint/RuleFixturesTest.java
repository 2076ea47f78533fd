package org.lfenergy.sogno.sdk.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One violating and one compliant spec per rule, in {@code src/test/resources/rules/<rule ID>/}.
 * A violating spec marks each line where the rule must report with a trailing {@code # <rule ID>}
 * comment; the rule must report on exactly those lines. The compliant spec must give the rule
 * nothing to report.
 */
class RuleFixturesTest {

    private static final Path RULES = Path.of("src/test/resources/rules");

    static Stream<String> checkedRules() {
        return Linter.rules().stream().map(RuleInfo::id)
                .filter(id -> !id.equals(Linter.SUPPRESSION_RULE_ID) && !id.equals(SpecLoader.LOAD_RULE_ID));
    }

    @ParameterizedTest(name = "{0} reports exactly the marked lines of its violating spec")
    @MethodSource("checkedRules")
    void ruleReportsExactlyTheMarkedLinesOfItsViolatingSpec(String ruleId) throws IOException {
        Path spec = RULES.resolve(ruleId).resolve("violating.yaml");
        List<String> lines = Files.readAllLines(spec);
        TreeSet<Integer> marked = IntStream.range(0, lines.size())
                .filter(i -> lines.get(i).endsWith("# " + ruleId)).mapToObj(i -> i + 1)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));

        LintReport report = Linter.defaults().lint(spec);

        assertThat(marked).as("the fixture marks where %s must report", ruleId).isNotEmpty();
        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals(ruleId))
                .allSatisfy(f -> assertThat(f.level()).isEqualTo(levelOf(ruleId)))
                .extracting(Finding::line).containsExactlyInAnyOrderElementsOf(marked);
    }

    @ParameterizedTest(name = "{0} finds nothing in its compliant spec")
    @MethodSource("checkedRules")
    void ruleFindsNothingInItsCompliantSpec(String ruleId) {
        LintReport report = Linter.defaults().lint(RULES.resolve(ruleId).resolve("compliant.yaml"));

        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals(ruleId)).isEmpty();
        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals(SpecLoader.LOAD_RULE_ID)).isEmpty();
    }

    private static Level levelOf(String ruleId) {
        return Linter.rules().stream().filter(r -> r.id().equals(ruleId)).findFirst().orElseThrow().level();
    }
}
