package org.lfenergy.sogno.sdk.async;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.async.testing.LegacyJobApi;
import org.lfenergy.sogno.sdk.core.ApiRequest;
import org.lfenergy.sogno.sdk.core.ResponseReader;
import org.lfenergy.sogno.sdk.core.SognoClient;

/**
 * The README's legacy-job snippet (region {@code legacy}, which build-checks holds the README to), run
 * against an imitation of dpsim-service with default polling.
 */
class ReadmeLegacySnippetTest {

  @Test
  void theSnippetDrivesALegacyJobToItsResult() throws Exception {
    try (LegacyJobApi api = LegacyJobApi.start()) {
      api.on("POST", "/api/analysis", 200, "{\"name\":\"grid\",\"type\":\"PowerflowAnalysis\",\"modelid\":1,\"analysis_id\":0}")
          .on("GET", "/api/analysis/0", 200, "{\"status\":\"running\",\"id\":0}")
          .on("GET", "/api/analysis/0", 200, "{\"status\":\"complete\",\"id\":0}")
          .on("GET", "/api/analysis/0/results", 200, "text/plain", "time,V\n0,1.0", Map.of());
      SognoClient client = api.client();

      // snippet-start:legacy
      JobHandle<String> analysis = JobHandle.start(client,
          ApiRequest.builder("POST", "/analysis").jsonBody(Map.of("name", "grid", "type", "PowerflowAnalysis", "modelid", 1)).build(),
          ResponseReader.string(), JobDialects.byName("dpsim-service"));
      String results = analysis.waitForCompletion(Duration.ofMinutes(5));   // the text of GET /analysis/{id}/results
      // snippet-end:legacy

      assertThat(results).isEqualTo("time,V\n0,1.0");
      assertThat(analysis.polling()).isEqualTo(PollingConfig.defaults());
    }
  }
}
