package org.lfenergy.sogno.sdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

class HttpMethodsTest {
  private static final List<String> METHODS =
      List.of("GET", "HEAD", "OPTIONS", "TRACE", "POST", "PUT", "PATCH", "PROPPATCH", "REPORT", "DELETE", "PURGE");

  @Test
  void postPutPatchProppatchAndReportRequireABody() {
    assertThat(METHODS.stream().filter(HttpMethods::requiresBody))
        .containsExactly("POST", "PUT", "PATCH", "PROPPATCH", "REPORT");
  }

  @Test
  void getHeadOptionsAndTracePermitNoBodyAndEveryOtherMethodDoes() {
    assertThat(METHODS.stream().filter(method -> !HttpMethods.permitsBody(method)))
        .containsExactly("GET", "HEAD", "OPTIONS", "TRACE");
  }

  @Test
  void methodsWithoutARequiredBodyAreAcceptedByOkHttpWithoutOne() {
    for (String method : METHODS) {
      if (HttpMethods.requiresBody(method)) {
        assertThatThrownBy(() -> request(method, null)).as(method).isInstanceOf(IllegalArgumentException.class);
      } else {
        assertThatCode(() -> request(method, null)).as(method).doesNotThrowAnyException();
      }
    }
  }

  @Test
  void methodsThatPermitABodyAreAcceptedByOkHttpWithOne() {
    for (String method : METHODS) {
      if (HttpMethods.permitsBody(method)) {
        assertThatCode(() -> request(method, RequestBody.create(new byte[] {1}, null))).as(method)
            .doesNotThrowAnyException();
      }
    }
  }

  private static Request request(String method, RequestBody body) {
    return new Request.Builder().url("http://localhost/").method(method, body).build();
  }
}
