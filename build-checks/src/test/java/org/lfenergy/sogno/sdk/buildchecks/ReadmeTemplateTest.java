package org.lfenergy.sogno.sdk.buildchecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadmeTemplateTest {
  @TempDir
  Path folder;

  private Path readme(String text) throws IOException {
    return Files.writeString(folder.resolve("README.md"), text);
  }

  @Test
  void anIntroAndTheFiveSectionsInOrderFollowedByOptionalOnesFollowTheTemplate() throws IOException {
    Path readme = readme("""
        # sogno-x
        What it is for.
        ## Maven coordinates
        ```
        ## not a heading inside a fence
        ```
        ## Use
        ## Configuration
        ## Guarantees
        ## Failure behaviour
        ## Tests
        """);

    assertThat(ReadmeTemplate.problems(readme)).isEmpty();
  }

  @Test
  void sectionsOutOfOrderOrMissingAndNoIntroAreReported() throws IOException {
    Path readme = readme("""
        # sogno-x
        ## Maven coordinates
        ## Usage
        ## Failure behaviour
        """);

    assertThat(ReadmeTemplate.problems(readme)).containsExactly(
        "no paragraph saying what the module is for before the first section",
        "sections must start with [Maven coordinates, Use, Configuration, Guarantees, Failure behaviour],"
            + " found [Maven coordinates, Usage, Failure behaviour]");
  }

  @Test
  void planLabelsAndIssueNumbersAreReported() throws IOException {
    Path readme = readme("""
        # sogno-x
        Intro, see #17.
        ## Maven coordinates
        ## Use
        ## Configuration
        ## Guarantees
        ## Failure behaviour
        ## Benchmark (P7)
        """);

    assertThat(ReadmeTemplate.problems(readme)).containsExactly(
        "README.md:2: internal plan label in user docs: Intro, see #17.",
        "README.md:8: internal plan label in user docs: ## Benchmark (P7)");
  }
}
