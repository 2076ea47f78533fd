package org.lfenergy.sogno.sdk.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.server.ServerConfig;

class AuthConfigTest {
  private static final String ISSUER = "https://id.example.org/realms/sogno";

  @Test
  void defaultsAreNotConfigured() {
    AuthConfig defaults = AuthConfig.defaults();

    assertThat(defaults.isConfigured()).isFalse();
    assertThat(defaults.isDevelopment()).isFalse();
    assertThat(defaults.clockSkew()).isEqualTo(Duration.ofSeconds(60));
    assertThat(defaults.scopeClaims()).containsExactly("scope", "scp");
    assertThat(defaults.jwksRefreshInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.jwksTimeout()).isEqualTo(Duration.ofSeconds(5));
    assertThat(AuthConfig.fromEnvironment(Map.of())).isEqualTo(defaults);
  }

  @Test
  void readsEveryVariable() {
    AuthConfig config = AuthConfig.fromEnvironment(Map.ofEntries(
        Map.entry("SOGNO_AUTH_ISSUER", ISSUER),
        Map.entry("SOGNO_AUTH_AUDIENCE", "powerflow"),
        Map.entry("SOGNO_AUTH_JWKS_URI", ISSUER + "/protocol/openid-connect/certs"),
        Map.entry("SOGNO_AUTH_CLOCK_SKEW", "PT10S"),
        Map.entry("SOGNO_AUTH_SCOPE_CLAIM", "permissions, scp"),
        Map.entry("SOGNO_AUTH_REALM_ROLES", "true"),
        Map.entry("SOGNO_AUTH_CLIENT_ROLES", "powerflow,grid"),
        Map.entry("SOGNO_AUTH_JWKS_REFRESH_INTERVAL", "PT1M"),
        Map.entry("SOGNO_AUTH_JWKS_TIMEOUT", "PT2S")));

    assertThat(config.isConfigured()).isTrue();
    assertThat(config.issuer()).hasValue(ISSUER);
    assertThat(config.audience()).hasValue("powerflow");
    assertThat(config.jwksUri()).hasValue(URI.create(ISSUER + "/protocol/openid-connect/certs"));
    assertThat(config.clockSkew()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.scopeClaims()).containsExactly("permissions", "scp");
    assertThat(config.realmRoles()).isTrue();
    assertThat(config.clientRoles()).containsExactly("powerflow", "grid");
    assertThat(config.jwksRefreshInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.jwksTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.toBuilder().build()).isEqualTo(config);
  }

  @Test
  void badValuesNameTheVariable() {
    assertThatThrownBy(() -> AuthConfig.fromEnvironment(Map.of("SOGNO_AUTH_CLOCK_SKEW", "PT10M")))
        .hasMessage("SOGNO_AUTH_CLOCK_SKEW must be a duration from PT0S to PT5M, was 'PT10M'");
    assertThatThrownBy(() -> AuthConfig.fromEnvironment(Map.of("SOGNO_AUTH_ISSUER", "id.example.org")))
        .hasMessage("SOGNO_AUTH_ISSUER must be an absolute http(s) URL, was 'id.example.org'");
    assertThatThrownBy(() -> AuthConfig.fromEnvironment(Map.of("SOGNO_AUTH_JWKS_TIMEOUT", "PT2M")))
        .hasMessageStartingWith("SOGNO_AUTH_JWKS_TIMEOUT must be");
    assertThatThrownBy(() -> AuthConfig.fromEnvironment(Map.of("SOGNO_AUTH_DISABLED", "yes")))
        .hasMessage("SOGNO_AUTH_DISABLED must be true or false, was 'yes'");
  }

  @Test
  void anIssuerNeedsAnAudienceAndTheReverse() {
    assertThatThrownBy(() -> AuthConfig.fromEnvironment(Map.of("SOGNO_AUTH_ISSUER", ISSUER)))
        .hasMessageContaining("SOGNO_AUTH_AUDIENCE");
    assertThatThrownBy(() -> AuthConfig.fromEnvironment(Map.of("SOGNO_AUTH_AUDIENCE", "powerflow")))
        .hasMessageContaining("SOGNO_AUTH_ISSUER");
  }

  @Test
  void plainHttpIsAcceptedOnLoopbackAddressesOnly() {
    for (String host : List.of("127.0.0.1", "localhost", "[::1]", "127.1.2.3")) {
      assertThat(AuthConfig.builder().issuer("http://" + host + ":8080/realms/x").audience("a").build().issuer())
          .isPresent();
    }
    for (String host : List.of("10.0.0.1", "id.example.org", "localhost.example.org", "0.0.0.0")) {
      assertThatThrownBy(() -> AuthConfig.builder().issuer("http://" + host + "/realms/x").audience("a").build())
          .hasMessageContaining("must be an https URL");
    }
  }

  @Test
  void serverConfigCarriesTheAuthConfigurationOfItsEnvironment() {
    ServerConfig config = ServerConfig.fromEnvironment(Map.of("SOGNO_AUTH_ISSUER", ISSUER, "SOGNO_AUTH_AUDIENCE", "a"));

    assertThat(config.auth().issuer()).hasValue(ISSUER);
    assertThat(config.toBuilder().port(0).build().auth()).isEqualTo(config.auth());
    assertThat(ServerConfig.defaults().auth()).isEqualTo(AuthConfig.defaults());
    assertThat(ServerConfig.fromEnvironment(Map.of("SOGNO_AUTH_DISABLED", "true")).auth().isDevelopment()).isTrue();
  }

  @Test
  void developmentModeStandsAlone() {
    assertThat(AuthConfig.development().isDevelopment()).isTrue();
    assertThat(AuthConfig.development().isConfigured()).isTrue();
    assertThatThrownBy(() -> AuthConfig.builder().development(true).issuer(ISSUER).audience("a").build())
        .hasMessageContaining("cannot be combined");
  }
}
