package org.lfenergy.sogno.sdk.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** AsyncAPI documents go through the same linter: events rules, suppressions, load errors. */
class AsyncApiLintTest {

    /** The document sdk-kafka ships in its jar (a static resource, so read from the source tree). */
    private static final Path SDK_DOCUMENT =
            Path.of("../../sdk-kafka/src/main/resources/META-INF/asyncapi/sogno-sdk-kafka.asyncapi.yaml");

    @Test
    void theSdksOwnAsyncApiDocumentHasNoFindings() {
        LintReport report = Linter.defaults().lint(SDK_DOCUMENT);

        assertThat(report.findings()).isEmpty();
        assertThat(report.failed()).isFalse();
    }

    @Test
    void anAsyncApiDocumentIsNotMistakenForOpenApi() {
        LoadedSpec spec = SpecLoader.defaults().load(SDK_DOCUMENT);

        assertThat(spec.isAsyncApi()).isTrue();
        assertThat(spec.sourceVersion()).isEqualTo("3.0.0");
        assertThat(spec.openApi()).isEmpty();
        assertThat(spec.findings()).isEmpty();
    }

    @Test
    void anAsyncApi2DocumentIsNotTakenForSwagger2() {
        LoadedSpec spec = SpecLoader.defaults().load("events.yaml", "asyncapi: 2.6.0\ninfo: {title: t, version: 1.0.0}\n");

        assertThat(spec.isAsyncApi()).isTrue();
        assertThat(spec.convertedFromSwagger2()).isFalse();
    }

    @Test
    void anUnsupportedAsyncApiVersionIsALocatedLoadFinding() {
        LintReport report = Linter.defaults().lint("events.yaml", "info:\n  title: t\nasyncapi: 1.2.0\nchannels: {}\n");

        assertThat(report.lines()).containsExactly("SOGNO-101 MUST events.yaml:3 AsyncAPI version '1.2.0' is not"
                + " supported; the events rules read AsyncAPI 3.0 (and 2.x)");
    }

    @Test
    void anIgnoreEntryInAnAsyncApiDocumentSuppressesTheFindingBelowIt() {
        String document = """
                asyncapi: 3.0.0
                info: {title: t, version: 1.0.0}
                channels:
                  legacy:
                    x-sogno-lint-ignore:
                      - rule: SOGNO-901
                        reason: The 2021 topic stays until the grid UI moves (PLAT-7).
                    address: gridUpdates
                    messages:
                      m:
                        headers:
                          type: object
                          required: [ce_specversion, ce_id, ce_source, ce_type]
                          properties:
                            ce_specversion: {type: string}
                            ce_id: {type: string}
                            ce_source: {type: string}
                            ce_type: {type: string}
                        contentType: application/json
                        payload: {type: object}
                """;

        LintReport report = Linter.defaults().lint("events.yaml", document);

        assertThat(report.activeFindings()).isEmpty();
        assertThat(report.suppressedFindings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("SOGNO-901");
            assertThat(f.line()).isEqualTo(8);
        });
    }

    @Test
    void aDisabledEventsRuleReportsNothing() {
        String document = "asyncapi: 3.0.0\ninfo: {title: t, version: 1.0.0}\nchannels:\n  c:\n    address: jobUpdates\n";

        LintReport report = Linter.builder().disable("SOGNO-901").build().lint("events.yaml", document);

        assertThat(report.findings()).extracting(Finding::ruleId).doesNotContain("SOGNO-901").contains("SOGNO-902");
    }
}
