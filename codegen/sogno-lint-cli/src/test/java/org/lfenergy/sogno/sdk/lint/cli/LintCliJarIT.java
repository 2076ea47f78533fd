package org.lfenergy.sogno.sdk.lint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lfenergy.sogno.sdk.lint.cli.ReportAssertions.DPSIM;
import static org.lfenergy.sogno.sdk.lint.cli.ReportAssertions.FILE_SERVICE;
import static org.lfenergy.sogno.sdk.lint.cli.ReportAssertions.SAMPLE_SERVICE;
import static org.lfenergy.sogno.sdk.lint.cli.ReportAssertions.SDK_ASYNCAPI;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The built jar as users run it: {@code java -jar target/sogno-lint-cli-<version>.jar} in a child JVM
 * (failsafe runs this after {@code package}; the jar's path comes from the POM).
 */
class LintCliJarIT {

    private static final Path JAR = Path.of(System.getProperty("sogno.lint.cli.jar",
            "target/sogno-lint-cli.jar (run through mvn verify)"));

    private static final Path BASEDIR = Path.of(System.getProperty("sogno.lint.cli.basedir", "."));

    record Run(int status, String out, String err) {
    }

    static Run java(Object... args) throws IOException, InterruptedException {
        assertThat(JAR).as("the shaded jar; run `mvn verify`").isRegularFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        for (Object arg : args) {
            command.add(arg.toString());
        }
        // Relative spec paths resolve as in the in-process tests: against the module directory.
        Process process = new ProcessBuilder(command).directory(BASEDIR.toFile()).start();
        process.getOutputStream().close();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process));
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the CLI did not exit: " + command);
        }
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err.join(), StandardCharsets.UTF_8));
    }

    private static byte[] readAll(Process process) {
        try {
            return process.getErrorStream().readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "--format {0}")
    @ValueSource(strings = {"text", "json", "sarif", "junit", "github", "gitlab"})
    void theJarLintsBothPlatformSpecsInEachFormatAndExitsOne(String format) throws Exception {
        Run run = java("--format", format, DPSIM, FILE_SERVICE);

        assertThat(run.status()).as(run.err()).isEqualTo(LintCli.FINDINGS);
        assertThat(ReportAssertions.assertValid(format, run.out(), List.of(DPSIM, FILE_SERVICE))).isPositive();
        assertThat(run.err()).doesNotContain("SLF4J", "Exception");
    }

    @Test
    void theJarExitsZeroOnTheSampleServiceSpecAndTheSdksAsyncApiDocument() throws Exception {
        Run run = java(SAMPLE_SERVICE, SDK_ASYNCAPI);

        assertThat(run.status()).as(run.out() + run.err()).isEqualTo(LintCli.OK);
        assertThat(run.out()).isEqualTo(SAMPLE_SERVICE + ": 0 MUST, 0 SHOULD, 0 MAY (0 suppressed)\n"
                + SDK_ASYNCAPI + ": 0 MUST, 0 SHOULD, 0 MAY (0 suppressed)\n");
    }

    @Test
    void theJarExitsTwoNamingAnUnreadableFileAndWritesOutputFiles() throws Exception {
        Run missing = java("no-such-spec.yaml");
        Path report = BASEDIR.resolve("target/lint-cli-it/dpsim.xml");
        Run written = java("--format", "junit", "--output", report, DPSIM);

        assertThat(missing.status()).isEqualTo(LintCli.USAGE);
        assertThat(missing.err()).isEqualTo("sogno-lint: cannot read no-such-spec.yaml: no such file\n");
        assertThat(written.status()).isEqualTo(LintCli.FINDINGS);
        assertThat(ReportAssertions.assertJunit(Files.readString(report), List.of(DPSIM.toString()))).isPositive();
    }
}
