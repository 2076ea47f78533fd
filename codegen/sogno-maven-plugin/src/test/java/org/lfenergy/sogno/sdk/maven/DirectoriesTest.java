package org.lfenergy.sogno.sdk.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoriesTest {
  @TempDir Path project;
  private Path target;

  @BeforeEach
  void layout() throws Exception {
    target = Files.createDirectories(project.resolve("target"));
  }

  @Test
  void acceptsADirectoryStrictlyInsideTheBuildDirectoryWhetherOrNotItExists() throws Exception {
    Path output = target.resolve("generated-sources/sogno");

    assertThat(Directories.requireInsideBuildDirectory(output, target))
        .isEqualTo(target.toRealPath().resolve("generated-sources/sogno"));
  }

  @Test
  void refusesAPathThatClimbsOutOfTheBuildDirectoryWithDotDot() throws Exception {
    Path sources = target.resolve("../src/main/java");

    assertThatThrownBy(() -> Directories.requireInsideBuildDirectory(sources, target))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("not strictly inside the build directory")
        .hasMessageContaining(project.toRealPath().resolve("src/main/java").toString());
  }

  @Test
  void refusesTheBuildDirectoryItselfAlsoWhenSpelledWithDotSegments() {
    for (Path same : new Path[] {target, target.resolve("."), target.resolve("generated-sources/..")}) {
      assertThatThrownBy(() -> Directories.requireInsideBuildDirectory(same, target))
          .as(same.toString())
          .isInstanceOf(MojoExecutionException.class)
          .hasMessageContaining("not strictly inside");
    }
  }

  @Test
  void refusesASiblingWhoseNameMerelyStartsLikeTheBuildDirectory() {
    assertThatThrownBy(() -> Directories.requireInsideBuildDirectory(project.resolve("target-sources"), target))
        .isInstanceOf(MojoExecutionException.class);
  }

  @Test
  void refusesALinkInsideTheBuildDirectoryThatLeadsOutOfIt() throws Exception {
    Path sources = Files.createDirectories(project.resolve("src/main/java"));
    Files.createSymbolicLink(target.resolve("generated-sources"), sources);

    assertThatThrownBy(() -> Directories.requireInsideBuildDirectory(target.resolve("generated-sources/sogno"), target))
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining(sources.toRealPath().resolve("sogno").toString());
  }

  @Test
  void acceptsABuildDirectoryReachedThroughALink() throws Exception {
    Path link = Files.createSymbolicLink(project.resolve("build-link"), target);

    assertThat(Directories.requireInsideBuildDirectory(link.resolve("gen"), target))
        .isEqualTo(target.toRealPath().resolve("gen"));
  }
}
