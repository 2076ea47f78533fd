package org.lfenergy.sogno.sdk.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The two real platform specs (see src/test/resources/platform-specs/README.md): the linter reports
 * exactly the divergences they really have.
 */
class PlatformSpecsLintTest {

    private static final Path DPSIM = Path.of("src/test/resources/platform-specs/dpsim-api.openapi.json");
    private static final Path FILE_SERVICE = Path.of("src/test/resources/platform-specs/file-service.swagger.yaml");

    @Test
    void dpsimApiReportsExactlyItsRealDivergences() {
        LintReport report = Linter.defaults().lint(DPSIM);

        assertThat(report.ruleIds()).containsExactly(
                "SOGNO-102", // no description, no contact
                "SOGNO-103", // operationIds in snake_case
                "SOGNO-200", // /simulation has no version
                "SOGNO-203", // uint64 simulation ids
                "SOGNO-302", // no error responses documented at all (so no problem+json)
                "SOGNO-400", // snake_case properties
                "SOGNO-402", // enum values SP, Powerflow, MNA
                "SOGNO-404", // format uint64
                "SOGNO-500", // GET /simulation lists everything, unpaged
                "SOGNO-600", // POST /simulation runs a simulation and answers 200
                "SOGNO-700"); // no security
        assertThat(report.failed()).isTrue();
    }

    @Test
    void dpsimFindingsPointAtTheRealLines() {
        LintReport report = Linter.defaults().lint(DPSIM);

        assertThat(report.lines()).contains(
                "SOGNO-200 MUST " + DPSIM + ":173 Path '/simulation' has no major version prefix; use '/v1/simulation'",
                "SOGNO-203 SHOULD " + DPSIM + ":222 Path parameter 'id' is an integer identifier;"
                        + " use an opaque string such as a UUID");
        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("SOGNO-600"))
                .singleElement().satisfies(f -> {
                    assertThat(f.line()).isEqualTo(203);
                    assertThat(f.pointer()).isEqualTo("/paths/~1simulation/post/responses");
                });
    }

    @Test
    void fileServiceSwagger2IsConvertedAndReportsExactlyItsRealDivergences() {
        LintReport report = Linter.defaults().lint(FILE_SERVICE);

        assertThat(report.ruleIds()).containsExactly(
                "SOGNO-100", // Swagger 2.0
                "SOGNO-101", // info.title and info.version missing: not a valid document
                "SOGNO-102", // no description, empty contact
                "SOGNO-103", // PascalCase operationIds
                "SOGNO-200", // /files has no version
                "SOGNO-204", // path parameter fileID
                "SOGNO-301", // errors are ad-hoc {error: {code, message}} JSON, not problem+json
                "SOGNO-302", // GET /files and DELETE document no 4xx
                "SOGNO-400", // property fileID
                "SOGNO-403", // lastModified is a plain string
                "SOGNO-404", // integer code without format
                "SOGNO-500", // GET /files lists everything, unpaged
                "SOGNO-700", // no security
                "SOGNO-803"); // no info.version
    }

    @Test
    void fileServiceFindingsPointAtTheSwagger2SourceLines() {
        LintReport report = Linter.defaults().lint(FILE_SERVICE);

        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("SOGNO-301"))
                .extracting(Finding::line).containsExactly(77, 101, 105, 128, 150, 154, 158, 187, 191, 195);
        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("SOGNO-400"))
                .singleElement().satisfies(f -> {
                    assertThat(f.line()).isEqualTo(40);
                    assertThat(f.pointer()).isEqualTo("/components/schemas/api.ResponseFileData/properties/fileID");
                });
        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("SOGNO-100"))
                .singleElement().extracting(Finding::line).isEqualTo(202);
    }

    @Test
    void lintMessagesNeverPrintNullForAParameterWithoutAName() {
        for (String spec : new String[] {"file-service.swagger.yaml", "dpsim-api.openapi.json"}) {
            LintReport report = Linter.defaults().lint(java.nio.file.Path.of("src/test/resources/platform-specs", spec));
            assertThat(report.findings()).as(spec).isNotEmpty()
                    .noneSatisfy(f -> assertThat(f.message()).containsPattern("\\bnull\\b"));
        }
    }

    @Test
    void aSwagger2ParameterWithoutANameGetsTheLoaderFindingAndNoMessageSaysNull() {
        LintReport report = Linter.defaults().lint("malformed.swagger.yaml", """
                swagger: '2.0'
                info: {title: Files, version: 1.0.0}
                paths:
                  /v1/files:
                    get:
                      operationId: listFiles
                      parameters:
                        - in: query
                          type: string
                      responses:
                        '200': {description: ok}
                """);

        assertThat(report.findings()).anySatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("SOGNO-101");
            assertThat(f.line()).isEqualTo(5); // the operation the parser names
        });
        assertThat(report.findings()).noneSatisfy(f -> assertThat(f.message()).containsPattern("\\bnull\\b"));
    }
}
