package org.lfenergy.sogno.sdk.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.JsonException;
import org.lfenergy.sogno.sdk.core.ResponseInfo;
import org.lfenergy.sogno.sdk.core.SognoJson;

/** Building dialects, what each bad setting gets, and reading job bodies as a dialect says. */
class JobDialectTest {
  private static final SognoJson JSON = SognoJson.defaults();
  private static final ResponseInfo OK = ResponseInfo.builder().status(200).build();

  private static JobDialect.Builder minimal() {
    return JobDialect.builder("test").locateByHeader("Location").status("done", JobStatus.SUCCEEDED).resultUrl("{location}/result");
  }

  private static Job read(JobDialect dialect, String body) {
    return new DialectReader(dialect).answers("known", true).read(OK, body.getBytes(StandardCharsets.UTF_8), JSON).job();
  }

  @Test
  void readyMadeDialectsAreFoundByNameAndAnUnknownNameIsRefusedNamingTheKnownOnes() {
    assertThat(JobDialects.names()).containsExactly("sogno", "dpsim-service", "pgm-service", "openstef-api", "dpsim-api");
    assertThat(JobDialects.byName("pgm-service")).isSameAs(JobDialects.pgmService());
    assertThat(JobDialects.byName("sogno")).isSameAs(JobDialects.sogno());
    assertThatThrownBy(() -> JobDialects.byName("dpsim")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dpsim").hasMessageContaining("dpsim-service");
    assertThatThrownBy(() -> JobDialects.byName(null)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toBuilderMakesAnEqualDialectAndAChangedSettingADifferentOne() {
    JobDialect pgm = JobDialects.pgmService();

    assertThat(pgm.toBuilder().build()).isEqualTo(pgm).hasSameHashCodeAs(pgm);
    assertThat(pgm.toBuilder().status("queued", JobStatus.QUEUED).build()).isNotEqualTo(pgm);
    assertThat(pgm).hasToString("JobDialect{pgm-service, statuses={created=queued, running=running, success=succeeded, failed=failed}}");
  }

  @Test
  void eachBadSettingIsRefusedAtOnceNamingTheSetting() {
    assertThatThrownBy(() -> JobDialect.builder(" ")).hasMessageContaining("name");
    assertThatThrownBy(() -> minimal().locateByHeader("Bad Header")).hasMessageContaining("locateByHeader");
    assertThatThrownBy(() -> minimal().statusMember("status")).hasMessageContaining("statusMember").hasMessageContaining("JSON pointer");
    assertThatThrownBy(() -> minimal().idMember("/a~2")).hasMessageContaining("idMember");
    assertThatThrownBy(() -> minimal().resultUrl("results/{id}")).hasMessageContaining("resultUrl");
    assertThatThrownBy(() -> minimal().resultUrl("{location}/{job}")).hasMessageContaining("{job}");
    assertThatThrownBy(() -> minimal().cancelUrl("{request}/cancel")).hasMessageContaining("cancelUrl");
    assertThatThrownBy(() -> minimal().locateByMember("/id", "{location}/{id}")).hasMessageContaining("locateByMember");
    assertThatThrownBy(() -> minimal().resultUrl("{location}/result?x=1")).hasMessageContaining("query");
    assertThatThrownBy(() -> minimal().status("done", JobStatus.of("paused"))).hasMessageContaining("status");
    assertThatThrownBy(() -> minimal().statusWhenNonEmpty("/error", null)).hasMessageContaining("statusWhenNonEmpty");
    assertThatThrownBy(() -> minimal().maxUnmappedPolls(0)).hasMessageContaining("maxUnmappedPolls must be at least 1: 0");
  }

  @Test
  void buildRefusesSettingsThatDoNotFitTogether() {
    assertThatThrownBy(() -> JobDialect.builder("x").status("done", JobStatus.SUCCEEDED).resultUrl("/r").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("locateBy");
    assertThatThrownBy(() -> JobDialect.builder("x").locateByHeader("Location").status("done", JobStatus.SUCCEEDED).build())
        .hasMessageContaining("resultMember, resultLink or resultUrl");
    assertThatThrownBy(() -> minimal().resultMember("/result").build()).hasMessageContaining("excludes");
    assertThatThrownBy(() -> JobDialect.builder("x").locateByHeader("Location").resultUrl("/r").build())
        .hasMessageContaining("maps no status");
  }

  @Test
  void aGenericCopyOfTheConventionReadsAJobAsTheCodecDoes() {
    String body = "{\"id\":\"3f1c\",\"status\":\"failed\",\"progress\":{\"percent\":40,\"message\":\"iteration 3\"},"
        + "\"problem\":{\"title\":\"Diverged\",\"status\":422,\"code\":\"not-converged\"},\"owner\":\"grid-ops\","
        + "\"links\":{\"result\":{\"href\":\"/v1/jobs/3f1c/result\"},\"cancel\":{\"href\":\"/v1/jobs/3f1c/cancel\"}}}";
    Job byCodec = read(JobDialects.sogno(), body);

    Job generic = read(JobDialects.sogno().toBuilder().name("sogno-copy").build(), body);

    assertThat(generic.id()).isEqualTo(byCodec.id());
    assertThat(generic.status()).isEqualTo(byCodec.status()).isEqualTo(JobStatus.FAILED);
    assertThat(generic.progress()).isEqualTo(byCodec.progress()).isPresent();
    assertThat(generic.problem()).isEqualTo(byCodec.problem()).isPresent();
    assertThat(generic.links()).isEqualTo(byCodec.links()).containsOnlyKeys(Job.RESULT, Job.CANCEL);
    assertThat(generic.extensions()).isEqualTo(byCodec.extensions()).containsOnlyKeys("owner");
  }

  @Test
  void idsMayBeStringsOrIntegersAndAnythingElseIsATypedError() {
    JobDialect dialect = minimal().build();

    assertThat(read(dialect, "{\"id\":12345678901,\"status\":\"done\"}").id()).isEqualTo("12345678901");
    assertThat(read(dialect, "{\"id\":\"a-1\",\"status\":\"done\"}").id()).isEqualTo("a-1");
    assertThat(read(dialect, "{\"status\":\"done\"}").id()).as("the handle's id when the body has none").isEqualTo("known");
    assertThatThrownBy(() -> read(dialect, "{\"id\":1.5,\"status\":\"done\"}"))
        .isInstanceOf(JsonException.class).hasMessageContaining("/id").hasMessageContaining("1.5").hasMessageContaining("test");
    assertThatThrownBy(() -> read(dialect, "{\"id\":{\"n\":1},\"status\":\"done\"}")).isInstanceOf(JsonException.class);
  }

  @Test
  void statusesAreMappedAndAnUnmappedValueStaysUnknownEvenIfItLooksLikeAConventionStatus() {
    JobDialect dialect = minimal().status("7", JobStatus.RUNNING).build();

    assertThat(read(dialect, "{\"status\":\"done\"}").status()).isEqualTo(JobStatus.SUCCEEDED);
    assertThat(read(dialect, "{\"status\":7}").status()).as("numeric codes").isEqualTo(JobStatus.RUNNING);
    Job unmapped = read(dialect, "{\"status\":\"succeeded\"}");
    assertThat(unmapped.status().isKnown()).isFalse();
    assertThat(unmapped.isTerminal()).isFalse();
    assertThatThrownBy(() -> read(dialect, "{\"id\":1}")).isInstanceOf(JsonException.class).hasMessageContaining("no status member /status");
    assertThatThrownBy(() -> read(dialect, "{\"status\":[\"done\"]}")).isInstanceOf(JsonException.class);
  }

  @Test
  void aCancelAnswerWithoutStatusReadsAsNoJob() {
    byte[] body = "{\"accepted\":true}".getBytes(StandardCharsets.UTF_8);

    assertThat(new DialectReader(minimal().build()).answers("known", false).read(OK, body, JSON)).isNull();
  }

  @Test
  void progressIsAnObjectOrAPercentageAndOutOfRangeIsATypedError() {
    JobDialect dialect = minimal().progressMember("/pct").build();

    assertThat(read(dialect, "{\"status\":\"done\",\"pct\":40}").progress()).contains(JobProgress.of(40, null));
    assertThat(read(dialect, "{\"status\":\"done\",\"pct\":{\"percent\":5,\"message\":\"m\"}}").progress()).contains(JobProgress.of(5, "m"));
    assertThatThrownBy(() -> read(dialect, "{\"status\":\"done\",\"pct\":140}")).isInstanceOf(JsonException.class).hasMessageContaining("0..100");
  }

  @Test
  void templatesExpandAgainstTheBaseUrlTheJobOrTheRequestWithTheIdAsOneSegment() {
    java.net.URI base = java.net.URI.create("https://grid.example/api/");
    java.net.URI job = java.net.URI.create("https://grid.example/api/analysis/5?x=1");

    assertThat(JobUrls.expand("/analysis/{id}/results", base, job, "a/b")).hasToString("https://grid.example/api/analysis/a%2Fb/results");
    assertThat(JobUrls.expand("{location}/results", base, job, "5")).hasToString("https://grid.example/api/analysis/5/results");
    assertThat(JobUrls.expand("{request}/{id}", base, java.net.URI.create("https://grid.example/api/pgm_powerflow/"), "f3"))
        .hasToString("https://grid.example/api/pgm_powerflow/f3");
  }
}
