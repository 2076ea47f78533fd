package org.lfenergy.sogno.sdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.CircuitBreakerConfig;

class CircuitBreakerInterceptorTest {
  private final CircuitBreakerInterceptor interceptor = new CircuitBreakerInterceptor(CircuitBreakerConfig.defaults());

  @Test
  void oneBreakerPerHostAndPortNamedHostColonPort() {
    var jobs = interceptor.breakerFor(HttpUrl.get("https://proxy.example/api/powerflow/v1/jobs"));
    var files = interceptor.breakerFor(HttpUrl.get("https://proxy.example:443/api/files/v1/files?x=1"));
    var otherPort = interceptor.breakerFor(HttpUrl.get("http://proxy.example/api/powerflow"));

    assertThat(files).isSameAs(jobs);
    assertThat(jobs.getName()).isEqualTo("proxy.example:443");
    assertThat(otherPort).isNotSameAs(jobs);
    assertThat(otherPort.getName()).isEqualTo("proxy.example:80");
  }
}
