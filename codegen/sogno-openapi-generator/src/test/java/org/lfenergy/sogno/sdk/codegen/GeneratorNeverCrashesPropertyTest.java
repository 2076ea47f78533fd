package org.lfenergy.sogno.sdk.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever a spec file holds, {@code generate} either writes a client that compiles or throws one
 * {@link GenerationException} whose message is located ({@code file:line}) and carries no model dump.
 * Seeds: an OpenAPI 3.0 spec (also declared as 3.1), a Swagger 2.0 one and the polymorphic models' spec
 * ({@code oneOf}, {@code anyOf}, {@code allOf}, discriminators), truncated, cut, with noise
 * inserted, a line moved, or a value replaced. Every try that generates also compiles in process.
 */
class GeneratorNeverCrashesPropertyTest {

  private static final String OPENAPI_30 = read("src/test/resources/specs/grid.yaml");
  private static final List<String> SEEDS = List.of(
      OPENAPI_30,
      OPENAPI_30.replaceFirst("openapi: 3\\.0\\.3", "openapi: 3.1.0"),
      read("src/test/resources/specs/meters.swagger.yaml"),
      read("src/test/resources/specs/polymorphism.yaml"));
  private static final List<String> NOISE = List.of(":", "{", "}", "[", "]", "- ", "'", "\"", "\n", " ",
      "$ref: '#/nowhere'", "\\u002a/ x", "*/", "null", "0", "-1", "true", "~", "? ", "type: object", "{}");

  @Property(tries = 30)
  void mutatedSpecsGiveACompilingClientOrOneLocatedError(@ForAll("mutatedSpecs") String spec) throws IOException {
    Path dir = Files.createTempDirectory("sogno-mutated");
    try {
      Path file = Files.writeString(dir.resolve("mutated.yaml"), spec);
      List<File> written;
      try {
        written = SognoGenerator.builder().basePackage("org.example.mutated").outputDirectory(dir.resolve("src"))
            .build().generate(file);
      } catch (GenerationException refused) {
        assertThat(refused.getMessage())
            .containsPattern(Pattern.quote(file.toString()) + ":\\d+")
            .doesNotContain("Schemas:");
        Statistics.collect("refused");
        return;
      }
      List<File> sources = written.stream().filter(f -> f.getName().endsWith(".java")).collect(Collectors.toList());
      assertThat(GeneratedCodeCompilesTest.compile(sources, dir.resolve("classes"), List.of("-nowarn")))
          .as("diagnostics compiling the client of\n%s", spec)
          .noneMatch(diagnostic -> diagnostic.contains("error:"));
      Statistics.collect("compiled");
    } finally {
      deleteRecursively(dir);
    }
  }

  @Provide
  Arbitrary<String> mutatedSpecs() {
    return Arbitraries.of(SEEDS).flatMap(text -> Arbitraries.oneOf(
        Arbitraries.integers().between(0, text.length()).map(at -> text.substring(0, at)),
        Combinators.combine(Arbitraries.integers().between(0, text.length()), Arbitraries.of(NOISE))
            .as((at, noise) -> text.substring(0, at) + noise + text.substring(at)),
        Combinators.combine(Arbitraries.integers().between(0, text.length() - 1), Arbitraries.integers().between(1, 40))
            .as((at, length) -> text.substring(0, at) + text.substring(Math.min(text.length(), at + length))),
        Arbitraries.integers().between(0, (int) text.lines().count() - 1).map(line -> moveToEnd(text, line)),
        Combinators.combine(Arbitraries.integers().between(0, (int) text.lines().count() - 1), Arbitraries.of(NOISE))
            .as((line, noise) -> replaceValue(text, line, noise))));
  }

  /** Moves one line to the end of the document, breaking its indentation context. */
  private static String moveToEnd(String text, int index) {
    List<String> lines = new ArrayList<>(text.lines().toList());
    lines.add(lines.remove(index));
    return String.join("\n", lines);
  }

  /** Replaces what follows the first {@code ": "} of a line (a scalar value, mostly) with {@code noise}. */
  private static String replaceValue(String text, int index, String noise) {
    List<String> lines = new ArrayList<>(text.lines().toList());
    String line = lines.get(index);
    int colon = line.indexOf(": ");
    lines.set(index, colon < 0 ? line + noise : line.substring(0, colon + 2) + noise);
    return String.join("\n", lines);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static String read(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
