package org.lfenergy.sogno.sdk.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.ApiRequest;
import org.lfenergy.sogno.sdk.core.Authentication;
import org.lfenergy.sogno.sdk.core.ResponseReader;
import org.lfenergy.sogno.sdk.core.RetryConfig;
import org.lfenergy.sogno.sdk.core.SognoClient;

/**
 * Links a service returns (Location, result, cancel) that point to another origin are refused unless
 * that origin is allowed; job ids cannot climb out of the job path. Two loopback servers: the service
 * and "elsewhere", which counts what reaches it.
 */
class CrossOriginLinksTest {
  private static final ResponseReader<String> TEXT = ResponseReader.json(String.class);
  private final MockWebServer service = new MockWebServer();
  private final MockWebServer elsewhere = new MockWebServer();
  private SognoClient client;

  @BeforeEach
  void start() throws Exception {
    service.start();
    elsewhere.start();
    client = SognoClient.builder().baseUrl(service.url("/api").uri())
        .authentication(Authentication.bearer("secret-token")).retry(RetryConfig.disabled()).build();
  }

  @AfterEach
  void stop() {
    service.close();
    elsewhere.close();
  }

  private JobHandle<String> startedWithLocation(String location) {
    service.enqueue(new MockResponse.Builder().code(202).addHeader("Location", location).build());
    return JobHandle.start(client, ApiRequest.builder("POST", "/v1/tasks").jsonBody("in").build(), TEXT);
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
  }

  @Test
  void dotSegmentJobIdsAreRefusedBeforeAnyRequest() {
    for (String id : new String[] {"..", "."}) {
      assertThatThrownBy(() -> JobHandle.forJobId(client, id, TEXT).cancel())
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + id + "'");
    }

    assertThat(service.getRequestCount()).isZero();
  }

  @Test
  void aLocationOnAnotherOriginIsRefusedAndNothingIsSentThere() {
    String location = elsewhere.url("/v1/jobs/j-1").toString();
    JobHandle<String> handle = startedWithLocation(location + "?token=s3cret");

    assertThatThrownBy(handle::poll).isInstanceOfSatisfying(CrossOriginLinkException.class, e -> {
      assertThat(e.relation()).isEqualTo("Location");
      assertThat(e.link()).isEqualTo(URI.create(location + "?token=s3cret"));
      assertThat(e.getMessage()).contains(elsewhere.url("/v1/jobs/j-1").uri().getPath())
          .contains(":" + elsewhere.getPort()).doesNotContain("s3cret");
    });
    assertThatThrownBy(() -> handle.waitForCompletion(Duration.ofSeconds(30)))
        .isInstanceOf(CrossOriginLinkException.class);
    assertThatThrownBy(handle::cancel).isInstanceOf(CrossOriginLinkException.class);
    assertThat(elsewhere.getRequestCount()).isZero();
    assertThat(service.getRequestCount()).as("only the start").isEqualTo(1);
  }

  @Test
  void resultAndCancelLinksOnAnotherOriginAreRefusedAndNothingIsSentThere() {
    String other = elsewhere.url("/v1/jobs/j-1").toString();
    JobHandle<String> handle = startedWithLocation("/api/v1/jobs/j-1");
    service.enqueue(json("{\"id\":\"j-1\",\"status\":\"succeeded\",\"links\":{\"result\":{\"href\":\"" + other
        + "/result\"},\"cancel\":{\"href\":\"" + other + "/cancel\"}}}"));

    assertThatThrownBy(() -> handle.waitForCompletion(Duration.ofSeconds(30)))
        .isInstanceOfSatisfying(CrossOriginLinkException.class, e -> {
          assertThat(e.relation()).isEqualTo("result");
          assertThat(e.jobId()).isEqualTo("j-1");
        });
    assertThatThrownBy(handle::cancel)
        .isInstanceOfSatisfying(CrossOriginLinkException.class, e -> assertThat(e.relation()).isEqualTo("cancel"));
    assertThat(elsewhere.getRequestCount()).isZero();
  }

  @Test
  void anAllowedOriginIsFollowedWithoutTheCredentials() throws Exception {
    JobHandle<String> handle = startedWithLocation(elsewhere.url("/v1/jobs/j-1").toString())
        .withAllowedOrigins(URI.create("http://" + elsewhere.getHostName() + ":" + elsewhere.getPort()));
    elsewhere.enqueue(json("{\"id\":\"j-1\",\"status\":\"succeeded\",\"links\":{\"result\":{\"href\":\"j-1/result\"}}}"));
    elsewhere.enqueue(json("\"from elsewhere\""));

    assertThat(handle.withPolling(PollingConfig.builder().longPollWait(Duration.ZERO).build())
        .waitForCompletion(Duration.ofSeconds(30))).isEqualTo("from elsewhere");
    RecordedRequest poll = elsewhere.takeRequest();
    RecordedRequest result = elsewhere.takeRequest();
    assertThat(result.getUrl().encodedPath()).isEqualTo("/v1/jobs/j-1/result");
    assertThat(poll.getHeaders().get("Authorization")).isNull();
    assertThat(result.getHeaders().get("Authorization")).isNull();
  }

  @Test
  void allowedOriginsMustBeOrigins() {
    JobHandle<String> handle = JobHandle.forJobId(client, "j-1", TEXT);

    for (String notAnOrigin : new String[] {"https://jobs.example/v1", "ftp://jobs.example", "https://user@jobs.example",
        "https://jobs.example?x=1", "/relative"}) {
      assertThatThrownBy(() -> handle.withAllowedOrigins(URI.create(notAnOrigin)))
          .as(notAnOrigin).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("allowedOrigins");
    }
    assertThat(handle.withAllowedOrigins(URI.create("https://jobs.example/"))).isNotSameAs(handle);
  }
}
