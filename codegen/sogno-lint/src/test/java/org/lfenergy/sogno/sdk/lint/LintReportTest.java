package org.lfenergy.sogno.sdk.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintReportTest {

    /** One MUST finding (SOGNO-200, line 5) and one SHOULD finding (SOGNO-102, line 2) after suppressing the rest. */
    private static final String SPEC = """
            openapi: 3.0.3
            info: {title: Things, version: 1.0.0}
            x-sogno-lint-ignore: [{rule: SOGNO-700, reason: Internal demo service.}]
            paths:
              /things:
                get:
                  operationId: listThings
                  responses:
                    '200': {description: ok}
                    '404': {$ref: 'https://sogno-platform.github.io/sogno-api/base/v1/openapi.yaml#/components/responses/NotFound'}
                    '500': {$ref: 'https://sogno-platform.github.io/sogno-api/base/v1/openapi.yaml#/components/responses/InternalServerError'}
            """;

    @Test
    void linesReadRuleLevelFileLineMessage() {
        LintReport report = Linter.defaults().lint("things.yaml", SPEC);

        assertThat(report.lines()).containsExactly(
                "SOGNO-102 SHOULD things.yaml:2 Missing info.description and info.contact"
                        + " (name, email or url of the owning team)",
                "SOGNO-200 MUST things.yaml:5 Path '/things' has no major version prefix; use '/v1/things'",
                "SOGNO-700 MUST things.yaml:6 GET /things can be called without credentials; require bearerAuth"
                        + " or oauth2ClientCredentials (base spec security schemes) (suppressed: Internal demo service.)");
        assertThat(report.summary()).isEqualTo("things.yaml: 1 MUST, 1 SHOULD, 0 MAY (1 suppressed)");
    }

    @Test
    void multiLineMessagesAreFoldedIntoOneLine() {
        Finding finding = new Finding("SOGNO-101", Level.MUST, "while parsing a block mapping\n  in 'reader', line 3\n"
                + "expected <block end>", "broken.yaml", 3, 1, "");

        assertThat(finding.format())
                .isEqualTo("SOGNO-101 MUST broken.yaml:3 while parsing a block mapping in 'reader', line 3 expected <block end>");
    }

    @Test
    void failsOnMustByDefault() {
        LintReport report = Linter.defaults().lint("things.yaml", SPEC);

        assertThat(report.threshold()).contains(Level.MUST);
        assertThat(report.failed()).isTrue();
        assertThat(report.failures()).extracting(Finding::ruleId).containsExactly("SOGNO-200");
    }

    @Test
    void thresholdDecidesWhichLevelsFail() {
        String onlyShould = SPEC.replace("/things:", "/v1/things:");

        assertThat(Linter.defaults().lint("things.yaml", onlyShould).failed()).isFalse();
        assertThat(Linter.builder().failOn(Level.SHOULD).build().lint("things.yaml", onlyShould).failures())
                .extracting(Finding::ruleId).containsExactly("SOGNO-102");
        assertThat(Linter.builder().neverFail().build().lint("things.yaml", SPEC).failed()).isFalse();
    }

    @Test
    void disabledRulesReportNothing() {
        LintReport report = Linter.builder().disable("SOGNO-200", "SOGNO-102").build().lint("things.yaml", SPEC);

        assertThat(report.activeFindings()).isEmpty();
        assertThatThrownBy(() -> Linter.builder().disable("SOGNO-2000"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown rule 'SOGNO-2000'");
    }

    @Test
    void sarifLogHasEveryFindingWithRuleLevelRegionAndSuppression(@TempDir Path dir) throws Exception {
        LintReport report = Linter.defaults().lint("specs/things.yaml", SPEC);

        Path file = report.writeSarif(dir.resolve("reports/sogno-lint.sarif"));
        JsonNode log = new ObjectMapper().readTree(Files.readString(file));

        assertThat(log.path("version").asText()).isEqualTo("2.1.0");
        JsonNode run = log.path("runs").path(0);
        assertThat(run.path("tool").path("driver").path("name").asText()).isEqualTo("sogno-lint");
        assertThat(run.path("tool").path("driver").path("rules")).hasSize(Linter.rules().size());
        JsonNode results = run.path("results");
        assertThat(results).hasSize(3);
        JsonNode versioning = results.path(1);
        assertThat(versioning.path("ruleId").asText()).isEqualTo("SOGNO-200");
        assertThat(versioning.path("level").asText()).isEqualTo("error");
        assertThat(run.path("tool").path("driver").path("rules").path(versioning.path("ruleIndex").asInt())
                .path("id").asText()).isEqualTo("SOGNO-200");
        JsonNode location = versioning.path("locations").path(0).path("physicalLocation");
        assertThat(location.path("artifactLocation").path("uri").asText()).isEqualTo("specs/things.yaml");
        assertThat(location.path("region").path("startLine").asInt()).isEqualTo(5);
        assertThat(results.path(0).path("level").asText()).isEqualTo("warning");
        assertThat(results.path(2).path("suppressions").path(0).path("justification").asText())
                .isEqualTo("Internal demo service.");
    }

    @Test
    void sarifArtifactLocationsAreUriReferences() throws Exception {
        JsonNode relative = new ObjectMapper().readTree(Linter.defaults().lint("my specs/things.yaml", SPEC).toSarif());
        JsonNode absolute = new ObjectMapper().readTree(Linter.defaults().lint("/work/api/things.yaml", SPEC).toSarif());

        assertThat(relative.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("my%20specs/things.yaml");
        assertThat(absolute.at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("file:///work/api/things.yaml");
    }

    @Test
    void severalReportsMakeOneSarifRunWithEveryFindingInOrder() throws Exception {
        LintReport first = Linter.defaults().lint("a.yaml", SPEC);
        LintReport second = Linter.defaults().lint("b.yaml", SPEC);

        JsonNode log = new ObjectMapper().readTree(LintReport.toSarif(java.util.List.of(first, second)));

        assertThat(log.path("runs")).hasSize(1);
        JsonNode results = log.at("/runs/0/results");
        assertThat(results).hasSize(first.findings().size() + second.findings().size());
        assertThat(results.get(0).at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("a.yaml");
        assertThat(results.get(results.size() - 1).at("/locations/0/physicalLocation/artifactLocation/uri").asText())
                .isEqualTo("b.yaml");
    }

    @Test
    void everyRuleHasAStableIdAndAGuidelineAnchor() {
        assertThat(Linter.rules()).extracting(RuleInfo::id).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("SOGNO-\\d{3}"));
        assertThat(Linter.rules()).allSatisfy(rule ->
                assertThat(rule.guidelineUrl()).endsWith("#" + rule.id().toLowerCase(java.util.Locale.ROOT)));
    }

    @Test
    void levelsParseCaseInsensitivelyAndOrderByStrictness() {
        assertThat(Level.parse(" should ")).isEqualTo(Level.SHOULD);
        assertThat(Level.MUST.isAtLeast(Level.SHOULD)).isTrue();
        assertThat(Level.MAY.isAtLeast(Level.SHOULD)).isFalse();
        assertThatThrownBy(() -> Level.parse("ERROR")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MUST, SHOULD or MAY");
    }
}
