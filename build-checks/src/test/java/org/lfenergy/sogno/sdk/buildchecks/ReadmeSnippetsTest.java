package org.lfenergy.sogno.sdk.buildchecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadmeSnippetsTest {
  private static final String SOURCE = """
      class Example {
        void run() {
          // snippet-start:call
          Client client = Client.create("@version@");
          client.call();
          // snippet-end:call
        }
      }
      """;

  @TempDir
  Path root;
  private ReadmeSnippets snippets;

  @BeforeEach
  void writeTheSource() throws IOException {
    Files.writeString(root.resolve("Example.java"), SOURCE);
    snippets = new ReadmeSnippets(root, Map.of("version", "1.2.3"));
  }

  private Path readme(String text) throws IOException {
    return Files.writeString(root.resolve("README.md"), text);
  }

  @Test
  void aBlockEqualToItsRegionWithTokensFilledInIsInOrder() throws IOException {
    Path readme = readme("""
        Use it:
        <!-- snippet: Example.java#call -->
        ```java
        Client client = Client.create("1.2.3");
        client.call();
        ```
        """);

    assertThat(snippets.problems(readme)).isEmpty();
  }

  @Test
  void aBlockThatDriftedFromItsSourceIsReportedWithTheDifference() throws IOException {
    Path readme = readme("""
        <!-- snippet: Example.java#call -->
        ```java
        Client client = Client.create("1.2.3");
        client.callOld();
        ```
        """);

    assertThat(snippets.problems(readme)).singleElement().asString()
        .contains("README.md:2", "differs from Example.java#call", "- client.call();", "+ client.callOld();");
  }

  @Test
  void aJavaOrXmlBlockWithoutAMarkerIsReported() throws IOException {
    Path readme = readme("""
        ```xml
        <dependency/>
        ```
        ```
        mvn verify
        ```
        """);

    assertThat(snippets.problems(readme)).singleElement().asString()
        .contains("README.md:1", "a xml snippet names no source file");
  }

  @Test
  void aMarkerNamingNoFileOrNoRegionIsReported() throws IOException {
    Path readme = readme("""
        <!-- snippet: Missing.java -->
        ```java
        x();
        ```
        <!-- snippet: Example.java#nowhere -->
        ```java
        y();
        ```
        """);

    assertThat(snippets.problems(readme)).containsExactly("README.md:2: no file Missing.java",
        "README.md:6: no snippet-start:nowhere in Example.java");
  }

  @Test
  void rewritingCopiesTheSourceIntoTheBlockKeepingTheFenceIndentation() throws IOException {
    Path readme = readme("""
        1. Call it:
           <!-- snippet: Example.java#call -->
           ```java
           stale();
           ```
        """);

    String rewritten = snippets.rewritten(readme);

    assertThat(rewritten).isEqualTo("""
        1. Call it:
           <!-- snippet: Example.java#call -->
           ```java
           Client client = Client.create("1.2.3");
           client.call();
           ```
        """);
    assertThat(snippets.problems(readme(rewritten))).isEmpty();
  }
}
