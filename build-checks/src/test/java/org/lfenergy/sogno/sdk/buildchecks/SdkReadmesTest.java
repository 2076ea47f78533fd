package org.lfenergy.sogno.sdk.buildchecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every README's Java and Maven snippets are copies of files the build compiles (most under
 * {@code samples/snippets/src/it}, built by plain Maven in {@code mvn verify}). A snippet that drifts
 * from its file fails here; {@code -Dsogno.readme.update=true} copies the files into the READMEs.
 */
class SdkReadmesTest {
  private static final Path ROOT = Path.of(System.getProperty("sogno.root", "..")).toAbsolutePath().normalize();
  private static final String TOKEN_PREFIX = "sogno.snippet.";

  @Test
  void everyJavaAndMavenSnippetIsACopyOfAFileTheBuildCompiles() throws IOException {
    ReadmeSnippets snippets = new ReadmeSnippets(ROOT, tokens());
    List<String> problems = new ArrayList<>();
    for (Path readme : readmes()) {
      if (Boolean.getBoolean("sogno.readme.update")) {
        Files.writeString(readme, snippets.rewritten(readme));
      }
      problems.addAll(snippets.problems(readme));
    }

    assertThat(problems)
        .as("README snippets (rewrite them from their sources with -Dsogno.readme.update=true)")
        .isEmpty();
  }

  @Test
  void theUserReadmesAreAllFound() throws IOException {
    assertThat(readmes()).extracting(readme -> ROOT.relativize(readme).toString().replace('\\', '/'))
        .contains("README.md", "sdk-core/README.md", "codegen/sogno-maven-plugin/README.md", "samples/README.md",
            "samples/powerflow-archetype/src/main/resources/archetype-resources/README.md")
        .noneMatch(path -> path.contains("/target/") || path.contains("/src/test/") || path.contains("/src/it/"));
  }

  @Test
  void everyModuleReadmeFollowsTheTemplateOfTheConventions() {
    List<String> modules = new ArrayList<>();
    SdkModules.PUBLISHED.forEach(module -> modules.add(module.directory()));
    modules.addAll(List.of("codegen/sogno-lint-cli", "build-checks", "samples/core-demo", "samples/powerflow-service",
        "samples/powerflow-client", "samples/quickstart", "samples/powerflow-archetype"));
    Map<String, List<String>> problems = new LinkedHashMap<>();
    for (String module : modules) {
      List<String> found = ReadmeTemplate.problems(ROOT.resolve(module).resolve("README.md"));
      if (!found.isEmpty()) {
        problems.put(module, found);
      }
    }

    assertThat(problems).as("module READMEs against docs/conventions.md's template").isEmpty();
  }

  /** The READMEs users read: every README.md outside build output and test or IT fixtures. */
  private static List<Path> readmes() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files.filter(file -> file.getFileName().toString().equals("README.md"))
          .filter(file -> {
            String path = ROOT.relativize(file).toString().replace('\\', '/');
            return !path.startsWith(".") && !path.contains("/.") && !path.contains("target/")
                && !path.contains("/src/test/") && !path.contains("/src/it/") && !path.contains("node_modules/");
          })
          .sorted()
          .toList();
    }
  }

  private static Map<String, String> tokens() {
    Map<String, String> tokens = new LinkedHashMap<>();
    System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith(TOKEN_PREFIX))
        .forEach(name -> tokens.put(name.substring(TOKEN_PREFIX.length()), System.getProperty(name)));
    return tokens;
  }
}
