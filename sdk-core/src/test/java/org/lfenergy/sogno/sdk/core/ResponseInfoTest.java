package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** The info of a received response reads like one built by hand, though its map and URI are made lazily. */
class ResponseInfoTest {
  private static final Headers HEADERS = new Headers.Builder()
      .add("Content-Type", "application/json").add("Link", "<a>").add("link", "<b>").add("X-Request-ID", "r-1").build();
  private static final HttpUrl URL = HttpUrl.get("http://localhost:8080/api/v1/jobs/j%201?page=2");

  @Test
  void headersOfAReceivedResponseAreLowerCaseKeysWithValuesInReceivedOrderLookedUpIgnoringCase() {
    ResponseInfo info = ResponseInfo.of(200, HEADERS, "GET", URL, "r-1");

    assertThat(info.header("content-TYPE")).contains("application/json");
    assertThat(info.header("LINK")).contains("<a>");
    assertThat(info.headers()).containsOnlyKeys("content-type", "link", "x-request-id");
    assertThat(info.headers().get("Link")).isEqualTo(List.of("<a>", "<b>"));
    assertThat(info.header("Absent")).isEmpty();
  }

  @Test
  void aReceivedResponseEqualsTheSameInfoBuiltByHand() {
    ResponseInfo received = ResponseInfo.of(201, HEADERS, "POST", URL, "r-1");
    ResponseInfo built = ResponseInfo.builder().status(201).headers(HEADERS.toMultimap()).method("POST")
        .uri(URL.uri()).requestId("r-1").build();

    assertThat(received.uri()).isEqualTo(built.uri()).hasToString("http://localhost:8080/api/v1/jobs/j%201?page=2");
    assertThat(received.headers()).isEqualTo(built.headers());
    assertThat(received.toString()).isEqualTo(built.toString());
    assertThat(received.toBuilder().build().headers()).isEqualTo(built.headers());
    assertThat(received.requestId()).isEqualTo("r-1");
  }
}
