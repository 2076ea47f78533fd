package org.lfenergy.sogno.sdk.lint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lfenergy.sogno.sdk.lint.cli.ReportAssertions.DPSIM;
import static org.lfenergy.sogno.sdk.lint.cli.ReportAssertions.FILE_SERVICE;
import static org.lfenergy.sogno.sdk.lint.cli.ReportAssertions.SAMPLE_SERVICE;
import static org.lfenergy.sogno.sdk.lint.cli.ReportAssertions.SDK_ASYNCAPI;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lfenergy.sogno.sdk.lint.LintReport;
import org.lfenergy.sogno.sdk.lint.Linter;
import org.lfenergy.sogno.sdk.lint.testing.MetersSpec;

/** The command line run in-process: formats, exit statuses, options, suppressions. */
class LintCliTest {

    /** A spec whose only finding is a SHOULD (SOGNO-102: no description, no contact). */
    private static final String SHOULD_ONLY = """
            openapi: 3.0.3
            info:
              title: Meters
              version: 1.0.0
            paths: {}
            """;

    @TempDir
    Path dir;

    record Run(int status, String out, String err) {
    }

    static Run run(Object... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> strings = new ArrayList<>();
        for (Object arg : args) {
            strings.add(arg.toString());
        }
        int status = LintCli.run(strings.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "--format {0}")
    @ValueSource(strings = {"text", "json", "sarif", "junit", "github", "gitlab"})
    void eachFormatReportsThePlatformSpecsFindingsAndExitsOne(String format) throws Exception {
        for (Path spec : List.of(DPSIM, FILE_SERVICE)) {
            Run run = run("--format", format, spec);

            assertThat(run.status()).as("%s %s", format, spec).isEqualTo(LintCli.FINDINGS);
            int expected = format.equals("github") || format.equals("gitlab")
                    ? Linter.defaults().lint(spec).activeFindings().size()
                    : Linter.defaults().lint(spec).findings().size();
            assertThat(ReportAssertions.assertValid(format, run.out(), List.of(spec))).isEqualTo(expected).isPositive();
        }
    }

    @ParameterizedTest(name = "--format {0}")
    @ValueSource(strings = {"text", "json", "sarif", "junit", "github", "gitlab"})
    void eachFormatCoversSeveralSpecsOfOneRun(String format) throws Exception {
        Run run = run("--format", format, DPSIM, SAMPLE_SERVICE, FILE_SERVICE);

        assertThat(run.status()).isEqualTo(LintCli.FINDINGS);
        ReportAssertions.assertValid(format, run.out(), List.of(DPSIM, SAMPLE_SERVICE, FILE_SERVICE));
    }

    @Test
    void compatWithReportsABreakingChangeWithinTheMajorVersionAndExitsOne(@TempDir Path dir) throws Exception {
        Path previous = Files.writeString(dir.resolve("meters-1.0.yaml"), MetersSpec.V1);
        Path removed = Files.writeString(dir.resolve("meters-1.1.yaml"),
                MetersSpec.WITHOUT_DELETE.replace("1.0.0", "1.1.0"));
        Path compatible = Files.writeString(dir.resolve("meters-1.2.yaml"), MetersSpec.V1.replace("1.0.0", "1.2.0"));

        Run breaking = run("--compat-with", previous, removed);
        Run fine = run("--compat-with=" + previous, compatible);

        assertThat(breaking.status()).isEqualTo(LintCli.FINDINGS);
        assertThat(breaking.out()).contains("SOGNO-801 MUST " + previous + ":9 Operation DELETE /v1/meters was removed;");
        assertThat(fine.status()).isEqualTo(LintCli.OK);
        assertThat(run("--compat-with", previous, compatible, removed).status()).isEqualTo(LintCli.USAGE);
    }

    @Test
    void textPrintsThePluginsLinesAndTheSummary() {
        Run run = run(DPSIM);

        LintReport report = Linter.defaults().lint(DPSIM);
        List<String> expected = new ArrayList<>(report.lines());
        expected.add(report.summary());
        assertThat(run.out().lines().toList()).isEqualTo(expected);
        assertThat(run.out()).contains("SOGNO-200 MUST " + DPSIM + ":173 Path '/simulation' has no major version prefix");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void machineReadableFormatsPutTheSummaryOnStandardError() {
        Run run = run("--format=json", DPSIM);

        assertThat(run.err()).isEqualTo(Linter.defaults().lint(DPSIM).summary() + System.lineSeparator());
    }

    @Test
    void theSampleServiceSpecExitsZero() {
        Run run = run(SAMPLE_SERVICE);

        assertThat(run.out()).isEqualTo(SAMPLE_SERVICE + ": 0 MUST, 0 SHOULD, 0 MAY (0 suppressed)\n");
        assertThat(run.status()).isEqualTo(LintCli.OK);
    }

    @Test
    void theBenchmarksTwoThousandLineSpecHasNoFindings() throws Exception {
        Path spec = Path.of("src/test/resources/bench/large-2000-lines.openapi.yaml");

        Run run = run(spec);

        assertThat(Files.readAllLines(spec)).hasSizeGreaterThanOrEqualTo(2000);
        assertThat(run.out()).isEqualTo(spec + ": 0 MUST, 0 SHOULD, 0 MAY (0 suppressed)\n");
        assertThat(run.status()).isEqualTo(LintCli.OK);
    }

    @Test
    void theSdksAsyncApiDocumentExitsZeroAndAViolatingOneExitsOne() throws Exception {
        Path topics = dir.resolve("events.yaml");
        Files.writeString(topics, "asyncapi: 3.0.0\ninfo: {title: t, version: 1.0.0}\nchannels:\n  c:\n"
                + "    address: jobUpdates\n");

        assertThat(run(SDK_ASYNCAPI).status()).isEqualTo(LintCli.OK);
        Run violating = run(topics);
        assertThat(violating.status()).isEqualTo(LintCli.FINDINGS);
        assertThat(violating.out()).contains("SOGNO-901 MUST " + topics + ":5 Topic 'jobUpdates' does not follow");
    }

    @Test
    void severalSpecsAreReportedInOneRunThatFailsIfAnyFails() throws Exception {
        Run run = run("--format", "junit", SAMPLE_SERVICE, DPSIM);

        assertThat(run.status()).isEqualTo(LintCli.FINDINGS);
        assertThat(run.out()).contains("<testsuite ", "name=\"" + SAMPLE_SERVICE + "\"", "name=\"" + DPSIM + "\"");
    }

    @Test
    void failOnDecidesWhichLevelFails() throws Exception {
        Path spec = Files.writeString(dir.resolve("meters.yaml"), SHOULD_ONLY);

        assertThat(run(spec).status()).as("default MUST").isEqualTo(LintCli.OK);
        assertThat(run("--fail-on", "SHOULD", spec).status()).isEqualTo(LintCli.FINDINGS);
        assertThat(run("--fail-on=may", spec).status()).isEqualTo(LintCli.FINDINGS);
        assertThat(run("--fail-on", "NONE", DPSIM).status()).isEqualTo(LintCli.OK);
    }

    @Test
    void disableTurnsRulesOff() throws Exception {
        Path spec = Files.writeString(dir.resolve("meters.yaml"), SHOULD_ONLY);

        Run run = run("--fail-on", "SHOULD", "--disable", "SOGNO-102", spec);

        assertThat(run.status()).isEqualTo(LintCli.OK);
        assertThat(run.out()).doesNotContain("SOGNO-102");
    }

    @Test
    void aSuppressionInTheSpecWorksAsInThePlugin() throws Exception {
        Path spec = Files.writeString(dir.resolve("meters.yaml"), SHOULD_ONLY.replace("  version: 1.0.0\n",
                "  version: 1.0.0\n  x-sogno-lint-ignore:\n    - rule: SOGNO-102\n      reason: Internal tool (PLAT-9).\n"));

        Run text = run("--fail-on", "SHOULD", spec);
        Run github = run("--fail-on", "SHOULD", "--format", "github", spec);

        assertThat(text.status()).isEqualTo(LintCli.OK);
        assertThat(text.out()).contains("(suppressed: Internal tool (PLAT-9).)");
        assertThat(github.out()).as("suppressed findings are no annotations").isEmpty();
    }

    @Test
    void outputWritesTheReportToTheFile() throws Exception {
        Path report = dir.resolve("reports/lint.sarif");

        Run run = run("--format", "sarif", "--output", report, DPSIM);

        assertThat(run.status()).isEqualTo(LintCli.FINDINGS);
        assertThat(run.out()).isEmpty();
        assertThat(ReportAssertions.assertSarif(Files.readString(report), List.of(DPSIM.toString()))).isPositive();
        assertThat(run.err()).contains(DPSIM + ": ");
    }

    @Test
    void anUnreadableSpecExitsTwoNamingIt() {
        Path missing = dir.resolve("nope.yaml");

        Run run = run(SAMPLE_SERVICE, missing);

        assertThat(run.status()).isEqualTo(LintCli.USAGE);
        assertThat(run.err()).isEqualTo("sogno-lint: cannot read " + missing + ": no such file" + System.lineSeparator());
        assertThat(run.out()).isEmpty();
        assertThat(run(dir).err()).contains("cannot read " + dir + ": not a regular file");
    }

    @Test
    void anUnwritableOutputExitsTwoNamingIt() throws Exception {
        Path blocker = Files.writeString(dir.resolve("file"), "x");

        Run run = run("-o", blocker.resolve("report.txt"), SAMPLE_SERVICE);

        assertThat(run.status()).isEqualTo(LintCli.USAGE);
        assertThat(run.err()).startsWith("sogno-lint: cannot write --output " + blocker.resolve("report.txt"));
    }

    @Test
    void usageErrorsExitTwoWithAMessageNamingTheProblem() {
        assertUsage(run(), "no spec given");
        assertUsage(run("--frmat", "json", DPSIM), "unknown option '--frmat'");
        assertUsage(run("--format", "xml", DPSIM), "--format: unknown format 'xml'; use text, json, sarif, junit, github or gitlab");
        assertUsage(run("--fail-on", "WARN", DPSIM), "--fail-on: Unknown level 'WARN': use MUST, SHOULD or MAY or NONE");
        assertUsage(run("--disable", "SOGNO-999", DPSIM), "Unknown rule 'SOGNO-999'");
        assertUsage(run(DPSIM, "--output"), "option --output needs a value");
    }

    private static void assertUsage(Run run, String message) {
        assertThat(run.status()).isEqualTo(LintCli.USAGE);
        assertThat(run.err()).startsWith("sogno-lint: " + message).contains("--help");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void helpAndVersionExitZero() {
        Run help = run("--help");
        Run version = run("-V");

        assertThat(help.status()).isZero();
        assertThat(help.out()).startsWith("Usage: java -jar sogno-lint-cli.jar [options] SPEC...").contains("--fail-on",
                "--format", "--output", "--disable", "Exit status");
        assertThat(version.status()).isZero();
        assertThat(version.out()).matches("sogno-lint-cli \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");
    }

    @Test
    void aDoubleDashEndsTheOptions() throws Exception {
        Path dashed = Files.writeString(dir.resolve("--odd.yaml"), SHOULD_ONLY);

        Run run = run("--", dashed.getFileName());

        assertThat(run.status()).as("relative to the working directory, so not found").isEqualTo(LintCli.USAGE);
        assertThat(run.err()).contains("cannot read --odd.yaml");
    }
}
