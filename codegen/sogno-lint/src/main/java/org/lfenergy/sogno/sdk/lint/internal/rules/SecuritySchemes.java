package org.lfenergy.sogno.sdk.lint.internal.rules;

import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.lfenergy.sogno.sdk.lint.Level;
import org.lfenergy.sogno.sdk.lint.internal.Pointers;

/** SOGNO-701: only bearer JWTs from the platform's OIDC provider: http bearer, OAuth2 client credentials or OIDC. */
final class SecuritySchemes extends Rule {

    SecuritySchemes() {
        super("SOGNO-701", Level.MUST, "Security schemes are bearer JWT, OAuth2 client credentials or OpenID Connect");
    }

    @Override
    public void check(LintContext context) {
        if (context.api().getComponents() == null || context.api().getComponents().getSecuritySchemes() == null) {
            return;
        }
        context.api().getComponents().getSecuritySchemes().forEach((name, scheme) -> {
            String problem = problemOf(scheme);
            if (problem != null && !context.isBaseComponent("securitySchemes", name)) {
                context.report(this, Pointers.of("components", "securitySchemes", name),
                        "Security scheme '" + name + "' " + problem);
            }
        });
    }

    private static String problemOf(SecurityScheme scheme) {
        if (scheme == null || scheme.getType() == null) {
            return null;
        }
        switch (scheme.getType()) {
            case APIKEY:
                return "is an API key; use bearer JWTs from the platform's OIDC provider";
            case HTTP:
                return "bearer".equalsIgnoreCase(scheme.getScheme()) ? null
                        : "uses HTTP '" + scheme.getScheme() + "'; use scheme 'bearer' with bearerFormat JWT";
            case OAUTH2:
                OAuthFlows flows = scheme.getFlows();
                if (flows != null && (flows.getImplicit() != null || flows.getPassword() != null)) {
                    return "uses the implicit or password flow (deprecated by OAuth 2.1); use client credentials"
                            + " between services and authorization code with PKCE for users";
                }
                return null;
            default:
                return null;
        }
    }
}
