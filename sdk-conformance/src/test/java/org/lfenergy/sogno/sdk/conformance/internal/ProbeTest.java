package org.lfenergy.sogno.sdk.conformance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProbeTest {

  @Test
  void curlQuotesForAPosixShellAndReadsTheTokenFromTheEnvironment() {
    Probe probe = Probe.of("POST", URI.create("http://127.0.0.1:8080/v1/things?q=a%20b"))
        .withHeader("Authorization", "Bearer s3cr3t")
        .withBody("{\"name\":\"it's\"}".getBytes(StandardCharsets.UTF_8), "application/json");

    assertThat(probe.curl()).isEqualTo("curl -sS -i -X POST 'http://127.0.0.1:8080/v1/things?q=a%20b'"
        + " -H \"Authorization: Bearer $SOGNO_TOKEN\" -H 'Content-Type: application/json'"
        + " --data-binary '{\"name\":\"it'\\''s\"}'");
    assertThat(probe.toString()).doesNotContain("s3cr3t");
  }
}
