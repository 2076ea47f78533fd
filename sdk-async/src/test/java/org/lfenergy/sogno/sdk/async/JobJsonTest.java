package org.lfenergy.sogno.sdk.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.JsonException;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.SognoJson;

/** The job model through any SognoJson, no registration needed, to exactly the wire format. */
class JobJsonTest {
  private final SognoJson json = SognoJson.defaults();

  private static final String FAILED_JOB =
      "{\"id\":\"6f1c\",\"status\":\"failed\",\"kind\":\"powerflow\","
          + "\"progress\":{\"percent\":40,\"message\":\"iteration 3\"},"
          + "\"createdAt\":\"2026-11-27T21:00:00Z\",\"updatedAt\":\"2026-11-27T21:00:05.250Z\","
          + "\"startedAt\":\"2026-11-27T21:00:01Z\",\"finishedAt\":\"2026-11-27T21:00:05.250Z\","
          + "\"expiresAt\":\"2026-11-27T22:00:05.250Z\","
          + "\"problem\":{\"type\":\"https://sogno-platform.github.io/problems/power-flow-diverged\","
          + "\"title\":\"Power flow diverged\",\"status\":422,\"code\":\"power-flow-diverged\"},"
          + "\"links\":{\"self\":{\"href\":\"/v1/jobs/6f1c\"},\"result\":{\"href\":\"/v1/jobs/6f1c/result\"},"
          + "\"cancel\":{\"href\":\"/v1/jobs/6f1c/cancel\"}}}";

  @Test
  void jobReadsEveryMemberOfTheWireFormatAndWritesItBackIdentically() {
    Job job = json.read(FAILED_JOB, Job.class);

    assertThat(job.id()).isEqualTo("6f1c");
    assertThat(job.status()).isEqualTo(JobStatus.FAILED);
    assertThat(job.kind()).contains("powerflow");
    assertThat(job.progress()).contains(JobProgress.of(40, "iteration 3"));
    assertThat(job.finishedAt()).contains(Instant.parse("2026-11-27T21:00:05.250Z"));
    assertThat(job.problem().map(Problem::code)).contains("power-flow-diverged");
    assertThat(job.link(Job.RESULT).map(Link::href)).contains("/v1/jobs/6f1c/result");
    assertThat(json.writeString(job)).isEqualTo(FAILED_JOB);
  }

  @Test
  void unknownStatusAndUnknownMembersSurviveARoundTrip() {
    String future = "{\"id\":\"a\",\"status\":\"paused\",\"priority\":{\"level\":3},\"tags\":[\"x\"]}";

    Job job = json.read(future, Job.class);

    assertThat(job.status().isKnown()).isFalse();
    assertThat(job.isTerminal()).isFalse();
    assertThat(job.extensions()).containsEntry("priority", Map.of("level", 3));
    assertThat(json.writeString(job)).isEqualTo(future);
  }

  @Test
  void timesWithOffsetsAreReadAsInstants() {
    Job job = json.read("{\"id\":\"a\",\"status\":\"queued\",\"createdAt\":\"2026-11-27T22:00:00+01:00\"}", Job.class);

    assertThat(job.createdAt()).contains(Instant.parse("2026-11-27T21:00:00Z"));
  }

  @Test
  void malformedJobsAreRejectedWithJsonException() {
    assertThatThrownBy(() -> json.read("{\"status\":\"queued\"}", Job.class)).isInstanceOf(JsonException.class);
    assertThatThrownBy(() -> json.read("{\"id\":\"a\"}", Job.class)).isInstanceOf(JsonException.class);
    assertThatThrownBy(() -> json.read("[]", Job.class)).isInstanceOf(JsonException.class);
    assertThatThrownBy(() -> json.read("{\"id\":\"a\",\"status\":\"queued\",\"createdAt\":\"yesterday\"}", Job.class))
        .isInstanceOf(JsonException.class);
    assertThatThrownBy(() -> json.read("{\"id\":\"a\",\"status\":\"running\",\"progress\":{\"percent\":140}}", Job.class))
        .isInstanceOf(JsonException.class);
    assertThatThrownBy(() -> json.read("{\"id\":7,\"status\":\"queued\"}", Job.class)).isInstanceOf(JsonException.class);
  }

  @Test
  void linkAndProgressAlsoWorkOnTheirOwn() {
    assertThat(json.writeString(Link.of("/v1/jobs/a"))).isEqualTo("{\"href\":\"/v1/jobs/a\"}");
    assertThat(json.read("{\"href\":\"x/y\"}", Link.class)).isEqualTo(Link.of("x/y"));
    assertThat(json.writeString(JobProgress.of(null, "warming up"))).isEqualTo("{\"message\":\"warming up\"}");
    assertThatThrownBy(() -> json.read("{}", Link.class)).isInstanceOf(JsonException.class);
    assertThatThrownBy(() -> JobProgress.of(-1, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Link.of("http://bad host/jobs")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> json.read("{\"href\":\"http://bad host/\"}", Link.class)).isInstanceOf(JsonException.class);
  }

  @Test
  void membersAreReadInAnyOrderAndARepeatedMemberKeepsItsLastValue() {
    Job job = json.read("{\"priority\":{\"level\":3},\"links\":{\"self\":{\"href\":\"/v1/jobs/x\"}},"
        + "\"status\":\"queued\",\"expiresAt\":\"2026-11-28T00:00:00+01:00\",\"id\":\"x\",\"status\":\"running\","
        + "\"tags\":[1,\"two\",null],\"links\":{\"self\":{\"rel\":\"ignored\",\"href\":\"/v1/jobs/y\"},"
        + "\"cancel\":{\"href\":\" \"}},\"priority\":{\"level\":4}}", Job.class);

    assertThat(job.id()).isEqualTo("x");
    assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
    assertThat(job.expiresAt()).contains(Instant.parse("2026-11-27T23:00:00Z"));
    assertThat(job.links()).containsOnlyKeys(Job.SELF);
    assertThat(job.link(Job.SELF).map(Link::href)).contains("/v1/jobs/y");
    assertThat(job.extensions()).containsExactly(Map.entry("priority", Map.of("level", 4)),
        Map.entry("tags", java.util.Arrays.asList(1, "two", null)));
  }

  @Test
  void aJobInsideALargerDocumentIsReadToItsEndAndNoFurther() {
    record Stored(Job job, String owner, java.util.List<Job> more) {}

    Stored stored = json.read("{\"job\":{\"id\":\"a\",\"status\":\"queued\",\"progress\":null,\"problem\":null,"
        + "\"links\":\"not an object\",\"nested\":{\"id\":\"b\"}},\"owner\":\"alice\","
        + "\"more\":[{\"id\":\"c\",\"status\":\"succeeded\"},{\"status\":\"failed\",\"id\":\"d\"}]}", Stored.class);

    assertThat(stored.job().id()).isEqualTo("a");
    assertThat(stored.job().links()).isEmpty();
    assertThat(stored.job().extensions()).containsExactly(Map.entry("nested", Map.of("id", "b")));
    assertThat(stored.owner()).isEqualTo("alice");
    assertThat(stored.more()).extracting(Job::id).containsExactly("c", "d");
  }

  @Test
  void aMemberOfTheWrongTypeIsRejectedWhereverItStands() {
    assertThatThrownBy(() -> json.read("{\"id\":\"a\",\"status\":\"queued\",\"kind\":[\"x\"]}", Job.class))
        .isInstanceOf(JsonException.class).hasMessageContaining("'kind' must be a string");
    assertThatThrownBy(() -> json.read("{\"finishedAt\":5,\"id\":\"a\",\"status\":\"queued\"}", Job.class))
        .isInstanceOf(JsonException.class).hasMessageContaining("'finishedAt' must be a string");
    assertThatThrownBy(() -> json.read("{\"id\":\"a\",\"status\":\"queued\",\"startedAt\":\"2026-13-01T00:00:00Z\"}",
        Job.class)).isInstanceOf(JsonException.class).hasMessageContaining("'startedAt' must be an RFC 3339 time");
    assertThatThrownBy(() -> json.read("\"a job\"", Job.class))
        .isInstanceOf(JsonException.class).hasMessageContaining("must be a JSON object");
  }
}
