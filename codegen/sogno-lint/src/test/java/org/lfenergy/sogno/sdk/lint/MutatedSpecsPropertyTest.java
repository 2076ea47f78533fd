package org.lfenergy.sogno.sdk.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.lfenergy.sogno.sdk.spec.BaseSpec;

/**
 * Whatever a spec file contains, the linter answers with findings, never an exception, and every
 * finding points into the file. Seeds are the two real platform specs (which diverge in many ways,
 * so any single mutation leaves findings) and the base spec.
 */
class MutatedSpecsPropertyTest {

    private static final List<String> PLATFORM_SPECS = List.of(
            read("src/test/resources/platform-specs/dpsim-api.openapi.json"),
            read("src/test/resources/platform-specs/file-service.swagger.yaml"));
    private static final String BASE = BaseSpec.text();

    private static final List<String> NOISE = List.of(":", "{", "}", "[", "]", "-", "'", "\"", "\t", "\n", " ",
            "#", "&a", "*a", "!!binary", "$ref: '#/nowhere'", "\u0000", "\uFFFF", "%", "? ", "|", ">");

    @Property(tries = 150)
    void mutatedPlatformSpecsGiveLocatedFindingsAndNeverThrow(@ForAll("mutatedPlatformSpecs") String spec) {
        LintReport report = Linter.defaults().lint("mutated", spec);

        assertThat(report.findings()).isNotEmpty();
        assertLocatedWithoutLinterBugs(report, spec);
    }

    @Property(tries = 100)
    void truncatedBaseSpecNeverThrowsAndIsLocatedWhenUnparseable(@ForAll("truncatedBaseSpec") String spec) {
        LoadedSpec loaded = SpecLoader.defaults().load("base", spec);
        LintReport report = Linter.defaults().lint(loaded);

        if (loaded.openApi().isEmpty()) {
            assertThat(report.findings()).anySatisfy(f -> assertThat(f.ruleId()).isEqualTo("SOGNO-101"));
        }
        assertLocatedWithoutLinterBugs(report, spec);
    }

    @Provide
    Arbitrary<String> mutatedPlatformSpecs() {
        Arbitrary<String> seed = Arbitraries.of(PLATFORM_SPECS);
        return seed.flatMap(text -> Arbitraries.oneOf(
                truncations(text),
                Combinators.combine(Arbitraries.integers().between(0, text.length()), Arbitraries.of(NOISE))
                        .as((at, noise) -> text.substring(0, at) + noise + text.substring(at)),
                Combinators.combine(Arbitraries.integers().between(0, text.length() - 1),
                                Arbitraries.integers().between(1, 40))
                        .as((at, length) -> text.substring(0, at) + text.substring(Math.min(text.length(), at + length))),
                Arbitraries.integers().between(0, (int) text.lines().count() - 1).map(line -> swapLine(text, line))));
    }

    @Provide
    Arbitrary<String> truncatedBaseSpec() {
        return truncations(BASE);
    }

    private static Arbitrary<String> truncations(String text) {
        return Arbitraries.integers().between(0, text.length()).map(at -> text.substring(0, at));
    }

    /** Moves one line to the end of the document, breaking its indentation context. */
    private static String swapLine(String text, int index) {
        List<String> lines = new java.util.ArrayList<>(text.lines().toList());
        lines.add(lines.remove(index));
        return String.join("\n", lines);
    }

    private static void assertLocatedWithoutLinterBugs(LintReport report, String spec) {
        long lineCount = spec.lines().count();
        assertThat(report.findings()).allSatisfy(f -> {
            assertThat(f.line()).isBetween(1, (int) Math.max(1, lineCount + 1));
            assertThat(f.column()).isPositive();
            assertThat(f.message()).doesNotContain("linter bug");
        });
        assertThat(report.toSarif()).contains("\"version\" : \"2.1.0\"");
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
