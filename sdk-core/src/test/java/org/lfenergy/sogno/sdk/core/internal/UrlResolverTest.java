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
}
