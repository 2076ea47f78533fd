package org.lfenergy.sogno.sdk.async;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.async.testing.LegacyJobApi;
import org.lfenergy.sogno.sdk.core.ApiRequest;
import org.lfenergy.sogno.sdk.core.ResponseReader;
import org.lfenergy.sogno.sdk.core.SognoClient;

/** The README's legacy-job snippet, verbatim, against an imitation of dpsim-service with default polling. */
class ReadmeLegacySnippetTest {
  private static final String HEADING = "### Legacy job APIs: job dialects";

  @Test
  void theSnippetDrivesALegacyJobToItsResult() throws Exception {
    try (LegacyJobApi api = LegacyJobApi.start()) {
      api.on("POST", "/api/analysis", 200, "{\"name\":\"grid\",\"type\":\"PowerflowAnalysis\",\"modelid\":1,\"analysis_id\":0}")
          .on("GET", "/api/analysis/0", 200, "{\"status\":\"running\",\"id\":0}")
          .on("GET", "/api/analysis/0", 200, "{\"status\":\"complete\",\"id\":0}")
          .on("GET", "/api/analysis/0/results", 200, "text/plain", "time,V\n0,1.0", Map.of());
      SognoClient client = api.client();

      // README snippet, from here
      JobHandle<String> analysis = JobHandle.start(client,
          ApiRequest.builder("POST", "/analysis").jsonBody(Map.of("name", "grid", "type", "PowerflowAnalysis", "modelid", 1)).build(),
          ResponseReader.string(), JobDialects.byName("dpsim-service"));
      String results = analysis.waitForCompletion(Duration.ofMinutes(5));   // the text of GET /analysis/{id}/results
      // to here

      assertThat(results).isEqualTo("time,V\n0,1.0");
      assertThat(analysis.polling()).isEqualTo(PollingConfig.defaults());
    }
  }

  @Test
  void theReadmeShowsExactlyTheSnippetThisTestRuns() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    int heading = readme.indexOf(HEADING);
    assertThat(heading).as("README section " + HEADING).isNotNegative();
    int start = readme.indexOf("```java\n", heading) + "```java\n".length();
    String snippet = readme.substring(start, readme.indexOf("```", start));
    String source = Files.readString(Path.of("src/test/java/org/lfenergy/sogno/sdk/async/ReadmeLegacySnippetTest.java"));
    String tested = source.substring(source.indexOf("// README snippet, from here"), source.indexOf("// to here"));

    assertThat(Arrays.stream(snippet.split("\n")).map(String::strip).filter(line -> !line.isEmpty()))
        .isNotEmpty()
        .allSatisfy(line -> assertThat(tested).contains(line));
  }
}
