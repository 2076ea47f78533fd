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
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One violating and one compliant spec per rule, in {@code src/test/resources/rules/<rule ID>/}
 * ({@code violating.yaml}, {@code compliant.yaml}; more variants as {@code violating-<variant>.yaml},
 * e.g. the events rules' AsyncAPI 2.6 documents next to their AsyncAPI 3.0 ones).
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

    /** Every fixture of a rule: {@code violating.yaml}, {@code compliant.yaml} and variants such as {@code violating-asyncapi-2.6.yaml}. */
    static Stream<Arguments> fixtures(String kind) {
        return checkedRules().flatMap(ruleId -> {
            try (Stream<Path> files = Files.list(RULES.resolve(ruleId))) {
                List<Path> matching = files.filter(f -> f.getFileName().toString().matches(kind + "(-[\\w.-]+)?\\.yaml"))
                        .sorted().toList();
                return matching.isEmpty() ? Stream.of(Arguments.of(ruleId, RULES.resolve(ruleId).resolve(kind + ".yaml")))
                        : matching.stream().map(f -> Arguments.of(ruleId, f));
            } catch (IOException e) {
                return Stream.of(Arguments.of(ruleId, RULES.resolve(ruleId).resolve(kind + ".yaml")));
            }
        });
    }

    static Stream<String> eventsRules() {
        return checkedRules().filter(id -> id.startsWith("SOGNO-9"));
    }

    static Stream<Arguments> violatingFixtures() {
        return fixtures("violating");
    }

    static Stream<Arguments> compliantFixtures() {
        return fixtures("compliant");
    }

    @ParameterizedTest(name = "{0} reports exactly the marked lines of {1}")
    @MethodSource("violatingFixtures")
    void ruleReportsExactlyTheMarkedLinesOfItsViolatingSpec(String ruleId, Path spec) throws IOException {
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

    @ParameterizedTest(name = "{0} finds nothing in {1}")
    @MethodSource("compliantFixtures")
    void ruleFindsNothingInItsCompliantSpec(String ruleId, Path spec) {
        LintReport report = Linter.defaults().lint(spec);

        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals(ruleId)).isEmpty();
        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals(SpecLoader.LOAD_RULE_ID)).isEmpty();
    }

    /** The events rules read AsyncAPI 3.0 and 2.x: each has a violating and a compliant document of both. */
    @ParameterizedTest(name = "{0} has AsyncAPI 3.0 and 2.6 fixtures")
    @MethodSource("eventsRules")
    void everyEventsRuleHasAsyncApi30And26Fixtures(String ruleId) throws IOException {
        Path dir = RULES.resolve(ruleId);

        for (String kind : List.of("violating", "compliant")) {
            assertThat(Files.readString(dir.resolve(kind + ".yaml"))).startsWith("asyncapi: 3.0.");
            assertThat(Files.readString(dir.resolve(kind + "-asyncapi-2.6.yaml"))).startsWith("asyncapi: 2.6.");
        }
    }

    private static Level levelOf(String ruleId) {
        return Linter.rules().stream().filter(r -> r.id().equals(ruleId)).findFirst().orElseThrow().level();
    }
}
