package org.lfenergy.sogno.sdk.server.internal.auth;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lfenergy.sogno.sdk.server.auth.AuthConfig;

/**
 * Reads the scopes a token grants: the configured scope claims (a space-separated string or an
 * array of strings; {@code scope} and {@code scp} by default) and, if configured, Keycloak's roles
 * ({@code realm_access.roles}, {@code resource_access.<client>.roles}). Values of other shapes
 * grant nothing.
 */
final class ScopeReader {
  private final List<String> scopeClaims;
  private final boolean realmRoles;
  private final List<String> clientRoles;

  ScopeReader(AuthConfig config) {
    this.scopeClaims = config.scopeClaims();
    this.realmRoles = config.realmRoles();
    this.clientRoles = config.clientRoles();
  }

  Set<String> scopes(Map<String, Object> claims) {
    Set<String> scopes = new LinkedHashSet<>();
    for (String claim : scopeClaims) {
      Object value = claims.get(claim);
      if (value instanceof String text) {
        Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty()).forEach(scopes::add);
      } else {
        strings(value, scopes);
      }
    }
    if (realmRoles) {
      strings(member(claims.get("realm_access"), "roles"), scopes);
    }
    for (String client : clientRoles) {
      strings(member(member(claims.get("resource_access"), client), "roles"), scopes);
    }
    return scopes;
  }

  private static Object member(Object object, String name) {
    return object instanceof Map<?, ?> map ? map.get(name) : null;
  }

  private static void strings(Object value, Set<String> into) {
    if (value instanceof Collection<?> values) {
      values.stream().filter(String.class::isInstance).map(String.class::cast).forEach(into::add);
    }
  }
}
