package org.lfenergy.sogno.sdk.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Overlay files are JSON Merge Patches (RFC 7396) applied in order; bad ones are refused by name. */
class SpecOverlaysTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void membersMergeNullRemovesAndAnythingElseReplaces() throws IOException {
    JsonNode merged = SpecOverlays.merge(JSON.readTree("{\"a\":{\"b\":1,\"c\":2},\"d\":[1,2],\"e\":\"x\"}"),
        JSON.readTree("{\"a\":{\"c\":null,\"f\":3},\"d\":[9],\"g\":true}"));

    assertThat(merged).isEqualTo(JSON.readTree("{\"a\":{\"b\":1,\"f\":3},\"d\":[9],\"e\":\"x\",\"g\":true}"));
  }

  @Test
  void overlaysApplyInOrderSoTheLaterOneWins() throws IOException {
    Path spec = Files.writeString(dir.resolve("spec.yaml"), "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n");
    Path first = Files.writeString(dir.resolve("first.yaml"), "info: {title: first, description: kept}\n");
    Path second = Files.writeString(dir.resolve("second.json"), "{\"info\": {\"title\": \"second\"}}");

    String merged = SpecOverlays.apply(spec, List.of(first, second)).orElseThrow();

    assertThat(merged).contains("title: \"second\"", "description: \"kept\"").doesNotContain("first");
  }

  @Test
  void aMissingOverlayIsRefusedNamingIt() throws IOException {
    Path spec = Path.of("src/test/resources/specs/grid.yaml");
    Path missing = dir.resolve("missing.yaml");

    assertThatThrownBy(() -> SognoGenerator.builder().basePackage("org.example").outputDirectory(dir.resolve("out"))
        .overlay(missing).build().generate(spec))
        .isInstanceOf(GenerationException.class)
        .hasMessageStartingWith(missing + ": not a readable YAML or JSON overlay");
  }

  @Test
  void anOverlayThatIsNotAnObjectIsRefusedNamingIt() throws IOException {
    Path list = Files.writeString(dir.resolve("list.yaml"), "- x-sogno-job-dialect: pgm-service\n");

    assertThatThrownBy(() -> SognoGenerator.builder().basePackage("org.example").outputDirectory(dir.resolve("out"))
        .overlay(list).build().generate(Path.of("src/test/resources/specs/grid.yaml")))
        .isInstanceOf(GenerationException.class)
        .hasMessage(list + ": an overlay must be a YAML or JSON object (a JSON Merge Patch)");
  }

  @Test
  void aSpecThatIsNoDocumentIsReportedByTheLoaderAsWithoutOverlays() throws IOException {
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "just text\n");
    Path overlay = Files.writeString(dir.resolve("o.yaml"), "info: {title: x}\n");

    assertThatThrownBy(() -> SognoGenerator.builder().basePackage("org.example").outputDirectory(dir.resolve("out"))
        .overlay(overlay).build().generate(broken))
        .isInstanceOf(GenerationException.class)
        .hasMessageContaining("SOGNO-101");
  }
}
