package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Plain-HTTP token endpoints: only on loopback, or when explicitly allowed; refused at build time. */
class OAuth2TokenEndpointSchemeTest {
  @ParameterizedTest
  @ValueSource(strings = {"http://keycloak.example/token", "http://10.0.0.7:8080/token",
      "http://127.0.0.1.evil.example/token", "http://localhost.evil.example/token", "http://[::2]/token",
      "http://0.0.0.0/token", "http://128.0.0.1/token"})
  void refusesPlainHttpToAHostThatIsNotLoopback(String endpoint) {
    String withSecrets = endpoint.replace("://", "://admin:hunter2@") + "?client_secret=s3cr3t";

    assertThatThrownBy(() -> builder(withSecrets).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tokenEndpoint http://██@")
        .hasMessageContaining("allowInsecureHttp")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("admin", "hunter2", "s3cr3t"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8080/token", "http://LOCALHOST/token", "http://127.0.0.1:9000/token",
      "http://127.255.3.4/token", "http://[::1]:8080/token", "http://[0:0:0:0:0:0:0:1]/token",
      "https://keycloak.example/token", "https://10.0.0.7/token"})
  void acceptsHttpsAnywhereAndPlainHttpOnLoopback(String endpoint) {
    assertThat(builder(endpoint).build()).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://keycloak.example/token", "http://10.0.0.7:8080/token"})
  void acceptsPlainHttpElsewhereOnlyWhenExplicitlyAllowed(String endpoint) {
    assertThat(builder(endpoint).allowInsecureHttp(true).build()).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://keycloak.example/token", "file:///etc/token", "/relative/token"})
  void refusesWhatIsNotAnAbsoluteHttpUrl(String endpoint) {
    assertThatThrownBy(() -> builder(endpoint).allowInsecureHttp(true).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute https URL");
  }

  private static OAuth2ClientCredentials.Builder builder(String endpoint) {
    return OAuth2ClientCredentials.builder().tokenEndpoint(endpoint).clientId("ui").clientSecret("secret");
  }
}
