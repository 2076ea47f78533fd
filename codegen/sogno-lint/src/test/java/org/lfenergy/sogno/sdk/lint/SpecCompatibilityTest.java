package org.lfenergy.sogno.sdk.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lfenergy.sogno.sdk.lint.testing.SpecEdit.cut;
import static org.lfenergy.sogno.sdk.lint.testing.SpecEdit.edit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lfenergy.sogno.sdk.lint.testing.SpecEdit;

/**
 * The catalogue of SOGNO-801: one spec pair per change (the previous version is
 * {@code compat/grid-v1.yaml}, the current one the same with one edit), each with the exact findings
 * it must give (where, in which file, saying what), and the compatible changes that must give none.
 */
class SpecCompatibilityTest {
  private static final Path PREVIOUS = Path.of("src/test/resources/compat/grid-v1.yaml");

  @TempDir Path dir;

  /** A finding expected in the previous file (a removal) or the current one, at a pointer, saying what. */
  record Expected(boolean inPrevious, String pointer, String says) {
    static Expected before(String pointer, String says) {
      return new Expected(true, pointer, says);
    }

    static Expected after(String pointer, String says) {
      return new Expected(false, pointer, says);
    }
  }

  static Stream<Arguments> breakingChanges() {
    return Stream.of(
        change("a removed path", cut("  /v1/grids/{gridId}:\n", "components:\n"),
            Expected.before("/paths/~1v1~1grids~1{gridId}", "Path '/v1/grids/{gridId}' was removed")),
        change("a removed operation", cut("    delete:\n", "components:\n"),
            Expected.before("/paths/~1v1~1grids~1{gridId}/delete", "Operation DELETE /v1/grids/{gridId} was removed")),
        change("a removed response", edit("        '400':\n          description: Bad request.\n", ""),
            Expected.before("/paths/~1v1~1grids/get/responses/400", "response 400 was removed")),
        change("a new required query parameter", edit("        - {name: region, in: query, schema: {type: string}}",
                "        - {name: region, in: query, schema: {type: string}}\n"
                + "        - {name: owner, in: query, required: true, schema: {type: string}}"),
            Expected.after("/paths/~1v1~1grids/get/parameters/2", "new required query parameter 'owner'")),
        change("an optional parameter made required", edit("{name: region, in: query, schema",
                "{name: region, in: query, required: true, schema"),
            Expected.after("/paths/~1v1~1grids/get/parameters/1/required", "query parameter 'region' became required")),
        change("a request body made required", edit("      requestBody:\n", "      requestBody:\n        required: true\n"),
            Expected.after("/paths/~1v1~1grids/post/requestBody", "now requires a request body")),
        change("a new required request member", edit("      required: [name]\n", "      required: [name, buses]\n"),
            Expected.after("/components/schemas/GridRequest/required", "requires a new member 'buses'")),
        change("a request enum narrowed", edit("enum: [low, medium, high]", "enum: [low, medium]"),
            Expected.after("/components/schemas/GridRequest/properties/voltageLevel/enum", "no longer accepts [high]")),
        change("a request type changed", edit("        note: {type: string}", "        note: {type: object}"),
            Expected.after("/components/schemas/GridRequest/properties/note/type", "changed type from [string] to [object]")),
        change("a request format added", edit("        note: {type: string}", "        note: {type: string, format: uuid}"),
            Expected.after("/components/schemas/GridRequest/properties/note/format", "now requires format 'uuid'")),
        change("a request bound tightened", edit("maxLength: 64", "maxLength: 32"),
            Expected.after("/components/schemas/GridRequest/properties/name/maxLength", "maxLength tightened from 64 to 32")),
        change("a parameter bound tightened", edit("maximum: 100", "maximum: 50"),
            Expected.after("/paths/~1v1~1grids/get/parameters/0/schema/maximum", "maximum tightened from 100 to 50")),
        change("a response member removed", edit("        createdAt: {type: string, format: date-time}\n", ""),
            Expected.after("/components/schemas/Grid/properties", "no longer has member 'createdAt'"),
            Expected.after("/components/schemas/Grid/properties", "no longer has member 'createdAt'"),
            Expected.after("/components/schemas/Grid/properties", "no longer has member '[].createdAt'")),
        change("a response member no longer required", edit("      required: [id, name]\n", "      required: [id]\n"),
            Expected.after("/components/schemas/Grid/required", "member 'name' is no longer required"),
            Expected.after("/components/schemas/Grid/required", "member 'name' is no longer required"),
            Expected.after("/components/schemas/Grid/required", "member '[].name' is no longer required")),
        change("a response format changed", edit("format: date-time", "format: date"),
            Expected.after("/components/schemas/Grid/properties/createdAt/format", "no longer promises format 'date-time' but 'date'"),
            Expected.after("/components/schemas/Grid/properties/createdAt/format", "no longer promises format 'date-time' but 'date'"),
            Expected.after("/components/schemas/Grid/properties/createdAt/format", "no longer promises format 'date-time' but 'date'")),
        change("a response body media type removed", edit("      responses:\n        '204': {description: Deleted.}",
                "      responses:\n        '204': {description: Deleted.}")
                .andThen(edit("        '201':\n          description: Created.\n          content:\n            application/json:\n"
                    + "              schema: {$ref: '#/components/schemas/Grid'}\n", "        '201':\n          description: Created.\n")),
            Expected.before("/paths/~1v1~1grids/post/responses/201/content/application~1json", "no longer has a 'application/json' body")),
        change("a scope added to the security", edit("  - bearerAuth: [grids.read]", "  - bearerAuth: [grids.read, grids.admin]"),
            Expected.after("/security", "GET /v1/grids: security changed"),
            Expected.after("/security", "POST /v1/grids: security changed"),
            Expected.after("/security", "GET /v1/grids/{gridId}: security changed"),
            Expected.after("/security", "DELETE /v1/grids/{gridId}: security changed")));
  }

  static Stream<Arguments> compatibleChanges() {
    return Stream.of(
        Arguments.of("a new operation", edit("    delete:\n", "    put:\n      operationId: replaceGrid\n"
            + "      parameters:\n        - {name: gridId, in: path, required: true, schema: {type: string}}\n"
            + "      responses:\n        '204': {description: Replaced.}\n    delete:\n")),
        Arguments.of("a new optional parameter", edit("        - {name: region, in: query, schema: {type: string}}",
            "        - {name: region, in: query, schema: {type: string}}\n        - {name: tag, in: query, schema: {type: string}}")),
        Arguments.of("a new optional request member", edit("        note: {type: string}", "        note: {type: string}\n        tag: {type: string}")),
        Arguments.of("a new response member", edit("        buses: {type: integer, format: int32}\n", "        buses: {type: integer, format: int32}\n        tag: {type: string}\n")),
        Arguments.of("a response enum grown (clients keep unknown values)", edit("enum: [draft, active]", "enum: [draft, active, retired]")),
        Arguments.of("a request enum grown", edit("enum: [low, medium, high]", "enum: [low, medium, high, extra-high]")),
        Arguments.of("a request integer widened to number", edit("        buses: {type: integer, format: int32}\n        note:",
            "        buses: {type: number}\n        note:")),
        Arguments.of("a request bound loosened", edit("maxLength: 64", "maxLength: 128")),
        Arguments.of("a required request member made optional", edit("      required: [name]\n", "")),
        Arguments.of("a patch version", edit("version: 1.4.0", "version: 1.4.1")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("breakingChanges")
  void aBreakingChangeWithinTheMajorVersionIsAMustFindingWhereItShows(String name, SpecEdit edit, List<Expected> expected)
      throws IOException {
    Path current = write(edit.apply(Files.readString(PREVIOUS)));

    LintReport report = SpecCompatibility.defaults().compare(PREVIOUS, current);

    assertThat(report.failed()).isTrue();
    assertThat(report.findings()).allSatisfy(f -> {
      assertThat(f.ruleId()).isEqualTo("SOGNO-801");
      assertThat(f.level()).isEqualTo(Level.MUST);
      assertThat(f.message()).endsWith("within major version 1 only compatible changes are allowed");
    });
    assertThat(report.findings()).hasSameSizeAs(expected);
    List<Finding> unmatched = new ArrayList<>(report.findings());
    for (Expected e : expected) {
      Finding match = unmatched.stream()
          .filter(f -> f.pointer().equals(e.pointer()) && f.message().contains(e.says())
              && f.file().equals((e.inPrevious() ? PREVIOUS : current).toString()))
          .findFirst().orElseThrow(() -> new AssertionError("no finding " + e + " in " + report.lines()));
      unmatched.remove(match);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("compatibleChanges")
  void aCompatibleChangeGivesNoFinding(String name, SpecEdit edit) throws IOException {
    Path current = write(edit.apply(Files.readString(PREVIOUS)));

    LintReport report = SpecCompatibility.defaults().compare(PREVIOUS, current);

    assertThat(report.lines()).isEmpty();
    assertThat(report.failed()).isFalse();
  }

  @Test
  void aBreakingChangeWithANewMajorVersionIsListedButDoesNotFail() throws IOException {
    Path current = write(cut("    delete:\n", "components:\n").andThen(edit("version: 1.4.0", "version: 2.0.0"))
        .apply(Files.readString(PREVIOUS)));

    LintReport report = SpecCompatibility.defaults().compare(PREVIOUS, current);

    assertThat(report.findings()).singleElement().satisfies(f -> {
      assertThat(f.level()).isEqualTo(Level.MAY);
      assertThat(f.message()).isEqualTo("Operation DELETE /v1/grids/{gridId} was removed (allowed: major version 1 -> 2)");
      assertThat(f.line()).isEqualTo(lineOf(PREVIOUS, "    delete:"));
    });
    assertThat(report.failed()).isFalse();
  }

  @Test
  void aRemovalIsLocatedInThePreviousFileAtItsLine() throws IOException {
    Path current = write(cut("    delete:\n", "components:\n").apply(Files.readString(PREVIOUS)));

    LintReport report = SpecCompatibility.defaults().compare(PREVIOUS, current);

    assertThat(report.lines()).containsExactly("SOGNO-801 MUST " + PREVIOUS + ":" + lineOf(PREVIOUS, "    delete:")
        + " Operation DELETE /v1/grids/{gridId} was removed; within major version 1 only compatible changes are allowed");
  }

  @Test
  void aSpecThatDoesNotLoadGivesItsLoadingFindings() throws IOException {
    Path broken = write("openapi: 3.0.3\ninfo: [not, an, object\n");

    LintReport report = SpecCompatibility.defaults().compare(PREVIOUS, broken);

    assertThat(report.ruleIds()).containsExactly("SOGNO-101");
    assertThat(report.failed()).isTrue();
  }

  private Path write(String content) throws IOException {
    return Files.writeString(dir.resolve("grid-current.yaml"), content);
  }

  private static int lineOf(Path file, String line) throws IOException {
    return Files.readAllLines(file).indexOf(line) + 1;
  }

  private static Arguments change(String name, SpecEdit edit, Expected... expected) {
    return Arguments.of(name, edit, List.of(expected));
  }
}
