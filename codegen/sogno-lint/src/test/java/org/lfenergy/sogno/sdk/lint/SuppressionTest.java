package org.lfenergy.sogno.sdk.lint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SuppressionTest {

    private static final String UNVERSIONED = """
            openapi: 3.0.3
            info: {title: Legacy, version: 1.0.0}
            %s
            paths:
              /things:
                get:
                  operationId: listThings
                  %s
                  responses: {'200': {description: ok}}
              /others:
                get:
                  operationId: listOthers
                  responses: {'200': {description: ok}}
            """;

    private static final String IGNORE_200 = "x-sogno-lint-ignore: [{rule: SOGNO-200, reason: 'Kept for 2022 clients'}]";

    private static LintReport lint(String documentLevel, String operationLevel) {
        return Linter.defaults().lint("legacy.yaml", UNVERSIONED.formatted(documentLevel, operationLevel));
    }

    @Test
    void documentLevelEntrySuppressesTheRuleEverywhereAndKeepsTheFindingsMarked() {
        LintReport report = lint(IGNORE_200, "");

        assertThat(report.activeFindings()).extracting(Finding::ruleId).doesNotContain("SOGNO-200");
        assertThat(report.suppressedFindings()).hasSize(2).allSatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("SOGNO-200");
            assertThat(f.suppression()).contains("Kept for 2022 clients");
            assertThat(f.format()).endsWith("(suppressed: Kept for 2022 clients)");
        });
    }

    @Test
    void operationLevelEntrySuppressesOnlyFindingsInsideThatOperation() {
        LintReport report = Linter.defaults().lint("legacy.yaml", """
                openapi: 3.0.3
                info: {title: Legacy, version: 1.0.0}
                paths:
                  /v1/things:
                    get:
                      operationId: list_things
                      x-sogno-lint-ignore:
                        - rule: SOGNO-103
                          reason: Generated name kept until the 2.0 client.
                      responses: {'200': {description: ok}}
                  /v1/others:
                    get:
                      operationId: list_others
                      responses: {'200': {description: ok}}
                """);

        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("SOGNO-103"))
                .extracting(Finding::line, Finding::isSuppressed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(6, true),
                        org.assertj.core.groups.Tuple.tuple(13, false));
    }

    @Test
    void schemaLevelEntrySuppressesFindingsOfItsProperties() {
        LintReport report = Linter.defaults().lint("schemas.yaml", """
                openapi: 3.0.3
                info: {title: Schemas, version: 1.0.0}
                paths: {}
                components:
                  schemas:
                    CimObject:
                      x-sogno-lint-ignore:
                        - {rule: SOGNO-400, reason: Property names follow IEC 61970 CIM.}
                      type: object
                      properties:
                        mRID: {type: string}
                    Other:
                      type: object
                      properties:
                        model_id: {type: string}
                """);

        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("SOGNO-400"))
                .extracting(Finding::line, Finding::isSuppressed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(11, true),
                        org.assertj.core.groups.Tuple.tuple(15, false));
    }

    @Test
    void swagger2DefinitionLevelEntryCoversTheConvertedSchema() {
        LintReport report = Linter.defaults().lint("legacy.yaml", """
                swagger: "2.0"
                info: {title: Legacy, version: 1.0.0}
                paths: {}
                definitions:
                  Thing:
                    x-sogno-lint-ignore:
                      - {rule: SOGNO-400, reason: Mirrors the vendor format.}
                    type: object
                    properties:
                      vendor_code: {type: string}
                """);

        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("SOGNO-400"))
                .singleElement().satisfies(f -> {
                    assertThat(f.isSuppressed()).isTrue();
                    assertThat(f.line()).isEqualTo(10);
                });
    }

    @Test
    void suppressedMustFindingsDoNotFailTheBuild() {
        String allowed = "x-sogno-lint-ignore: [{rule: SOGNO-200, reason: legacy}, {rule: SOGNO-700, reason: intranet}]";

        assertThat(lint("", "").failed()).isTrue();
        assertThat(lint(allowed, "").failed()).isFalse();
    }

    @Test
    void entryWithoutReasonIsAMustFindingAndSuppressesNothing() {
        LintReport report = lint("x-sogno-lint-ignore: [{rule: SOGNO-200}]", "");

        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("SOGNO-001")).singleElement()
                .satisfies(f -> {
                    assertThat(f.level()).isEqualTo(Level.MUST);
                    assertThat(f.line()).isEqualTo(3);
                    assertThat(f.message()).contains("has no reason");
                });
        assertThat(report.activeFindings()).extracting(Finding::ruleId).contains("SOGNO-200");
    }

    @Test
    void entryNamingAnUnknownRuleIsAFinding() {
        LintReport report = lint("", "x-sogno-lint-ignore: [{rule: SOGNO-999, reason: typo}]");

        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("SOGNO-001")).singleElement()
                .satisfies(f -> {
                    assertThat(f.line()).isEqualTo(8);
                    assertThat(f.message()).contains("unknown rule 'SOGNO-999'");
                });
    }

    @Test
    void entryThatIsNoListIsAFinding() {
        LintReport report = lint("x-sogno-lint-ignore: SOGNO-200", "");

        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("SOGNO-001")).singleElement()
                .extracting(Finding::message).asString().contains("must be a list");
    }
}
