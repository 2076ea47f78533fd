package org.lfenergy.sogno.sdk.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerationStampTest {
  @TempDir Path project;
  private Path spec;
  private Path output;

  @BeforeEach
  void writeSpec() throws Exception {
    spec = Files.writeString(project.resolve("api.yaml"), "openapi: 3.0.3");
    output = Files.createDirectories(project.resolve("target/generated-sources/sogno"));
  }

  @Test
  void sameInputsAfterAWriteAreCurrent() throws Exception {
    GenerationStamp.of(spec, Map.of("(package)", "a.b"), output).write();

    assertThat(GenerationStamp.of(spec, Map.of("(package)", "a.b"), output).isCurrent()).isTrue();
  }

  @Test
  void changedSpecOrReferencedFileOrSettingIsNotCurrent() throws Exception {
    GenerationStamp.of(spec, Map.of("(package)", "a.b"), output).write();

    assertThat(GenerationStamp.of(spec, Map.of("(package)", "a.c"), output).isCurrent()).isFalse();
    Files.writeString(project.resolve("schemas.json"), "{}");
    assertThat(GenerationStamp.of(spec, Map.of("(package)", "a.b"), output).isCurrent()).isFalse();
  }

  @Test
  void missingOutputIsNotCurrent() throws Exception {
    GenerationStamp.of(spec, Map.of(), output).write();
    Directories.deleteRecursively(output);

    assertThat(GenerationStamp.of(spec, Map.of(), output).isCurrent()).isFalse();
  }

  @Test
  void unreadableSpecIsNeverCurrent() throws Exception {
    Path missing = project.resolve("nowhere/api.yaml");

    assertThat(GenerationStamp.of(missing, Map.of(), output).isCurrent()).isFalse();
  }
}
