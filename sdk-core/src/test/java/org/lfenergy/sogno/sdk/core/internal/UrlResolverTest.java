package org.lfenergy.sogno.sdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.ApiRequest;

class UrlResolverTest {
  private final UrlResolver urls = new UrlResolver(HttpUrl.get("https://host/api/powerflow/"));

  @Test
  void aTemplateWithoutParametersIsAppendedToTheBasePathWithOrWithoutLeadingSlash() {
    assertThat(urls.resolve(ApiRequest.builder("GET", "/v1/jobs").build()))
        .hasToString("https://host/api/powerflow/v1/jobs");
    assertThat(urls.resolve(ApiRequest.builder("GET", "v1/jobs").queryParam("page", 2).build()))
        .hasToString("https://host/api/powerflow/v1/jobs?page=2");
  }

  @Test
  void aPlaceholderMayRepeatAndEveryOneGetsTheValue() {
    assertThat(urls.resolve(ApiRequest.builder("GET", "/v1/{id}/copies/{id}").pathParam("id", "a b").build()))
        .hasToString("https://host/api/powerflow/v1/a%20b/copies/a%20b");
  }

  @Test
  void aPathParameterWithoutPlaceholderIsRejectedByName() {
    assertThatThrownBy(() -> urls.resolve(ApiRequest.builder("GET", "/v1/jobs/{jobId}")
        .pathParam("jobId", "1").pathParam("job", "2").pathParam("obId", "3").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Path parameters [job, obId] are not in template /v1/jobs/{jobId}");
    assertThatThrownBy(() -> urls.resolve(ApiRequest.builder("GET", "/v1/jobs").pathParam("jobId", "1").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Path parameters [jobId] are not in template /v1/jobs");
  }

  @Test
  void aBaseUrlWithoutTrailingSlashOrWithoutPathTakesTheTemplateTheSameWay() {
    assertThat(new UrlResolver(HttpUrl.get("https://host/api/powerflow")).resolve(
        ApiRequest.builder("GET", "/v1/jobs/{jobId}").pathParam("jobId", "j-1").build()))
        .hasToString("https://host/api/powerflow/v1/jobs/j-1");
    assertThat(new UrlResolver(HttpUrl.get("http://127.0.0.1:8080")).resolve(
        ApiRequest.builder("GET", "/v1/jobs/{jobId}").pathParam("jobId", "j-1").build()))
        .hasToString("http://127.0.0.1:8080/v1/jobs/j-1");
    assertThat(new UrlResolver(HttpUrl.get("http://127.0.0.1:8080/")).resolve(ApiRequest.builder("GET", "/").build()))
        .hasToString("http://127.0.0.1:8080/");
  }

  @Test
  void placeholdersMayShareASegmentWithTextAndATrailingSlashIsKept() {
    assertThat(urls.resolve(ApiRequest.builder("GET", "/v1/grids/{grid}-{version}.json").pathParam("grid", "ieee 14")
        .pathParam("version", 2).build()))
        .hasToString("https://host/api/powerflow/v1/grids/ieee%2014-2.json");
    assertThat(urls.resolve(ApiRequest.builder("GET", "/v1/jobs/").build()))
        .hasToString("https://host/api/powerflow/v1/jobs/");
  }

  @Test
  void aValueIsOneSegmentWhateverItHolds() {
    assertThat(urls.resolve(ApiRequest.builder("GET", "/v1/files/{name}").pathParam("name", "a/b?c#d%e").build()))
        .hasToString("https://host/api/powerflow/v1/files/a%2Fb%3Fc%23d%25e");
    assertThatThrownBy(() -> urls.resolve(ApiRequest.builder("GET", "/v1/files/{name}").pathParam("name", "..").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Path parameter 'name' cannot be '..'");
  }

  @Test
  void unreservedCharactersStayAsTheyAreAndOthersArePercentEncodedAsUtf8() {
    assertThat(urls.resolve(ApiRequest.builder("GET", "/v1/meters/{id}").pathParam("id", "Az-09._~").build()))
        .hasToString("https://host/api/powerflow/v1/meters/Az-09._~");
    assertThat(urls.resolve(ApiRequest.builder("GET", "/v1/meters/{id}").pathParam("id", "Zähler 1+").build()))
        .hasToString("https://host/api/powerflow/v1/meters/Z%C3%A4hler%201%2B");
  }

  @Test
  void aMalformedTemplateIsRejectedBeforeAnythingIsSent() {
    assertThatThrownBy(() -> urls.resolve(ApiRequest.builder("GET", "/v1/jobs/{jobId").pathParam("jobId", "1").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("Unclosed '{' in path template /v1/jobs/{jobId");
    assertThatThrownBy(() -> urls.resolve(ApiRequest.builder("GET", "/v1/jobs/{jobId}").build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("No value for path parameter 'jobId' of /v1/jobs/{jobId}");
    assertThatThrownBy(() -> urls.resolve(ApiRequest.builder("GET", "/v1/jobs?page=2").build()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("A path template has no query");
  }
}
