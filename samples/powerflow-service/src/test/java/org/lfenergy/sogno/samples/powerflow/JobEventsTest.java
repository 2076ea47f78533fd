package org.lfenergy.sogno.samples.powerflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lfenergy.sogno.samples.powerflow.HttpTestClient.Response;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.kafka.JobEvents;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafka;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaBroker;

/** Job state changes reach a real (embedded KRaft) broker as CloudEvents. */
@EmbeddedKafka
class JobEventsTest {
  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  @Test
  void publishesEveryStateChangeOfAPowerFlowJobAndTimesItAtMetrics(EmbeddedKafkaBroker kafka, @TempDir Path jobsDir) {
    kafka.topics().create(JobEvents.TOPIC, 3);
    String jobId;
    try (PowerFlowService service = PowerFlowService.start(ServiceConfig.fromEnvironment(Map.of(
        "SOGNO_HTTP_HOST", "127.0.0.1", "SOGNO_HTTP_PORT", "0", "SOGNO_AUTH_DISABLED", "true",
        "SOGNO_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(), "SOGNO_JOBS_DIR", jobsDir.toString())))) {
      HttpTestClient client = new HttpTestClient(service.baseUri());
      Response accepted = client.postJson("/v1/powerflows", Ieee14.requestBody(), "Prefer", "wait=30");
      assertThat(accepted.json().get("status")).isEqualTo("succeeded");
      jobId = (String) accepted.json().get("id");

      // The publisher shares the service's registry: its timer counts each acknowledged job event.
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
          new String(client.get(PowerFlowService.METRICS_PATH).body(), StandardCharsets.UTF_8)).containsPattern(
              "(?m)^sogno_messaging_publish_seconds_count\\{outcome=\"success\",topic=\""
                  + Pattern.quote(JobEvents.TOPIC) + "\",type=\"" + Pattern.quote(JobEvents.STATE_CHANGED)
                  + "\"} [3-9]"));
    }

    List<ConsumerRecord<byte[], byte[]>> events =
        kafka.topics().read(JobEvents.TOPIC, 3, Duration.ofSeconds(60));

    assertThat(events).hasSize(3).allSatisfy(event -> {
      assertThat(new String(event.key(), StandardCharsets.UTF_8)).isEqualTo(jobId);
      assertThat(header(event, "ce_type")).isEqualTo(JobEvents.STATE_CHANGED);
      assertThat(header(event, "ce_subject")).isEqualTo(jobId);
      assertThat(header(event, "ce_source")).isEqualTo("/sogno/powerflow");
      assertThat(header(event, "ce_specversion")).isEqualTo("1.0");
    });
    assertThat(events).extracting(event -> SognoJson.defaults().read(event.value(), Map.class)
        .get("status")).containsExactly("queued", "running", "succeeded");
  }
}
