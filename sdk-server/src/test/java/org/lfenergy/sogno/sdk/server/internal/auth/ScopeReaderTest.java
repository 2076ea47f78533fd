package org.lfenergy.sogno.sdk.server.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.server.auth.AuthConfig;

class ScopeReaderTest {

  @Test
  void readsSpaceSeparatedScopeAndScpArrays() {
    ScopeReader reader = new ScopeReader(AuthConfig.defaults());

    assertThat(reader.scopes(Map.of("scope", " a  b ", "scp", List.of("c", 7, "d"))))
        .containsExactlyInAnyOrder("a", "b", "c", "d");
  }

  @Test
  void readsOnlyTheConfiguredClaims() {
    ScopeReader reader = new ScopeReader(AuthConfig.builder().scopeClaims(List.of("permissions")).build());

    assertThat(reader.scopes(Map.of("scope", "a", "permissions", List.of("p")))).containsExactly("p");
  }

  @Test
  void readsKeycloakRolesWhenConfigured() {
    Map<String, Object> claims = Map.of(
        "realm_access", Map.of("roles", List.of("admin")),
        "resource_access", Map.of("powerflow", Map.of("roles", List.of("powerflow.write")),
            "other", Map.of("roles", List.of("other.write"))));

    assertThat(new ScopeReader(AuthConfig.defaults()).scopes(claims)).isEmpty();
    assertThat(new ScopeReader(AuthConfig.builder().realmRoles(true).clientRoles(List.of("powerflow")).build())
        .scopes(claims)).containsExactlyInAnyOrder("admin", "powerflow.write");
  }

  @Test
  void valuesOfOtherShapesGrantNothing() {
    ScopeReader reader = new ScopeReader(AuthConfig.builder().realmRoles(true).clientRoles(List.of("x")).build());

    assertThat(reader.scopes(Map.of("scope", 42, "scp", Map.of("a", "b"), "realm_access", "admin",
        "resource_access", Map.of("x", List.of("r"))))).isEmpty();
  }
}
