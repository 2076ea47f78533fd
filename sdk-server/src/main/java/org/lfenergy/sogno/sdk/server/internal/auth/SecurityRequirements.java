package org.lfenergy.sogno.sdk.server.internal.auth;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What each operation of the spec requires, read from its {@code security} (or the document's):
 * alternatives, of which one must hold; each the scopes a bearer token must carry, or anonymous
 * ({@code {}}). Only bearer-token schemes can be met ({@code http} with scheme {@code bearer},
 * {@code oauth2}, {@code openIdConnect}); an alternative naming another scheme (API key, basic) is
 * dropped, and an operation left with none fails start-up.
 */
public final class SecurityRequirements {
  /** One alternative: anonymous, or a bearer token with every one of {@code scopes}. */
  public record Alternative(boolean anonymous, Set<String> scopes) {}

  private final Map<String, List<Alternative>> byOperation;

  private SecurityRequirements(Map<String, List<Alternative>> byOperation) {
    this.byOperation = byOperation;
  }

  /** @throws IllegalArgumentException listing the operations whose requirements cannot be met */
  public static SecurityRequirements of(OpenAPI api) {
    Map<String, SecurityScheme> schemes = api.getComponents() == null || api.getComponents().getSecuritySchemes() == null
        ? Map.of() : api.getComponents().getSecuritySchemes();
    Map<String, List<Alternative>> byOperation = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    if (api.getPaths() != null) {
      api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> {
        List<SecurityRequirement> declared = op.getSecurity() != null ? op.getSecurity() : api.getSecurity();
        if (op.getOperationId() != null && declared != null && !declared.isEmpty()) {
          List<Alternative> alternatives = alternatives(declared, schemes);
          if (alternatives.isEmpty()) {
            problems.add("operation " + op.getOperationId() + " requires security the runtime cannot check"
                + " (only bearer tokens: http bearer, oauth2, openIdConnect schemes): " + declared);
          }
          byOperation.put(op.getOperationId(), alternatives);
        }
      }));
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return new SecurityRequirements(Map.copyOf(byOperation));
  }

  private static List<Alternative> alternatives(List<SecurityRequirement> declared, Map<String, SecurityScheme> schemes) {
    List<Alternative> alternatives = new ArrayList<>();
    for (SecurityRequirement requirement : declared) {
      if (requirement.isEmpty()) {
        alternatives.add(new Alternative(true, Set.of()));
        continue;
      }
      Set<String> scopes = new LinkedHashSet<>();
      boolean bearer = true;
      for (Map.Entry<String, List<String>> entry : requirement.entrySet()) {
        bearer &= isBearer(schemes.get(entry.getKey()));
        if (entry.getValue() != null) {
          scopes.addAll(entry.getValue());
        }
      }
      if (bearer) {
        alternatives.add(new Alternative(false, Set.copyOf(scopes)));
      }
    }
    return List.copyOf(alternatives);
  }

  private static boolean isBearer(SecurityScheme scheme) {
    if (scheme == null || scheme.getType() == null) {
      return false;
    }
    return switch (scheme.getType()) {
      case HTTP -> scheme.getScheme() != null && scheme.getScheme().toLowerCase(Locale.ROOT).equals("bearer");
      case OAUTH2, OPENIDCONNECT -> true;
      default -> false;
    };
  }

  /** Whether any operation requires a token (or may take one). */
  public boolean any() {
    return !byOperation.isEmpty();
  }

  /** The operations that require a token, sorted: what a start-up failure names. */
  public List<String> operations() {
    return byOperation.keySet().stream().sorted().toList();
  }

  /** The alternatives of {@code operationId}; empty when it requires nothing. */
  public List<Alternative> of(String operationId) {
    return byOperation.getOrDefault(operationId, List.of());
  }
}
