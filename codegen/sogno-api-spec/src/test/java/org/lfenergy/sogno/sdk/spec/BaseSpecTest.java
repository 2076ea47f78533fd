package org.lfenergy.sogno.sdk.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

class BaseSpecTest {

    private static SwaggerParseResult parse() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(BaseSpec.text(), null, options);
    }

    @Test
    void bundledSpecParsesWithoutMessagesAsOpenApi303() {
        SwaggerParseResult result = parse();

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo(BaseSpec.OPENAPI_VERSION);
    }

    @Test
    void bundledSpecDefinesTheSharedComponents() {
        OpenAPI api = parse().getOpenAPI();

        assertThat(api.getComponents().getSchemas()).containsKeys(
                "Problem", "ValidationProblem", "FieldError", "Job", "JobStatus", "JobProgress", "Link",
                "JobLinks", "Page", "Cursor", "Health", "HealthStatus", "HealthCheck");
        assertThat(String.valueOf(api.getComponents().getSchemas().get("JobStatus").getEnum()))
                .isEqualTo("[queued, running, succeeded, failed, cancelled]");
        assertThat(api.getComponents().getParameters().values())
                .extracting(p -> p.getName())
                .contains("limit", "cursor", "Idempotency-Key", "Prefer", "X-Request-ID", "traceparent");
        assertThat(api.getComponents().getResponses()).containsKeys(
                "BadRequest", "Unauthorized", "Forbidden", "NotFound", "Conflict", "UnprocessableEntity",
                "TooManyRequests", "InternalServerError", "ServiceUnavailable", "JobAccepted");
        assertThat(api.getComponents().getHeaders()).containsKeys("Location", "RetryAfter");
        assertThat(api.getComponents().getSecuritySchemes()).containsKeys("bearerAuth", "oauth2ClientCredentials");
    }

    @Test
    void everyErrorResponseIsProblemJson() {
        OpenAPI api = parse().getOpenAPI();

        api.getComponents().getResponses().forEach((name, response) -> {
            if (!name.startsWith("Job") && !name.startsWith("Health")) {
                assertThat(response.getContent()).as(name).containsOnlyKeys("application/problem+json");
            }
        });
    }

    @Test
    void bundledSpecHasTheSharedJobAndHealthPaths() {
        OpenAPI api = parse().getOpenAPI();

        assertThat(api.getPaths()).containsOnlyKeys(
                "/v1/jobs/{jobId}", "/v1/jobs/{jobId}/cancel", "/v1/jobs/{jobId}/result",
                "/health/live", "/health/ready");
        assertThat(api.getPaths().get("/health/live").getGet().getSecurity()).isEmpty();
    }

    @Test
    void recognisesReferencesIntoTheBaseSpecOnly() {
        assertThat(BaseSpec.isBaseReference(BaseSpec.URL + "#/components/schemas/Problem")).isTrue();
        assertThat(BaseSpec.isBaseReference(BaseSpec.URL)).isTrue();
        assertThat(BaseSpec.isBaseReference(BaseSpec.URL + ".bak#/x")).isFalse();
        assertThat(BaseSpec.isBaseReference("#/components/schemas/Problem")).isFalse();
        assertThat(BaseSpec.isBaseReference(null)).isFalse();
    }

    @Test
    void resourceUrlPointsAtTheBundledCopy() {
        assertThat(BaseSpec.resource().toString()).endsWith(BaseSpec.RESOURCE_PATH);
    }
}
