package org.lfenergy.sogno.sdk.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lfenergy.sogno.sdk.spec.BaseSpec;

class SpecLoaderTest {

    private static final String BASE = BaseSpec.URL;

    private static final String SERVICE = """
            openapi: 3.0.3
            info: {title: Power flow, version: 1.0.0}
            paths:
              /v1/power-flows:
                post:
                  operationId: startPowerFlow
                  responses:
                    '202':
                      $ref: '%1$s#/components/responses/JobAccepted'
                    '422':
                      $ref: '%1$s#/components/responses/UnprocessableEntity'
              /v1/jobs/{jobId}:
                $ref: '%1$s#/paths/~1v1~1jobs~1{jobId}'
            """.formatted(BASE);

    private final SpecLoader loader = SpecLoader.defaults();

    @Test
    void resolvesBaseReferencesFromTheBundledCopyUnderTheBaseNames() {
        LoadedSpec spec = loader.load("powerflow.yaml", SERVICE);

        assertThat(spec.findings()).isEmpty();
        OpenAPI api = spec.openApi().orElseThrow();
        assertThat(api.getPaths().get("/v1/power-flows").getPost().getResponses().get("202").get$ref())
                .isEqualTo("#/components/responses/JobAccepted");
        assertThat(api.getComponents().getSchemas()).containsKeys("Job", "JobStatus", "Problem", "ValidationProblem");
        assertThat(spec.baseSchemaNames()).contains("Job", "JobStatus", "JobProgress", "JobLinks", "Link", "Problem",
                "ValidationProblem", "FieldError");
        assertThat(spec.baseComponents()).contains("responses/JobAccepted", "headers/RetryAfter");
    }

    @Test
    void inlinesBasePathItemsAndListsThem() {
        LoadedSpec spec = loader.load("powerflow.yaml", SERVICE);

        assertThat(spec.openApi().orElseThrow().getPaths().get("/v1/jobs/{jobId}").getGet().getOperationId())
                .isEqualTo("getJob");
        assertThat(spec.basePaths()).containsExactly("/v1/jobs/{jobId}");
    }

    @Test
    void everyBaseComponentAndPathCanBeReferencedByUrl() {
        OpenAPI base = loader.load("base.yaml", BaseSpec.text()).openApi().orElseThrow();
        StringBuilder spec = new StringBuilder("""
                openapi: 3.0.3
                info: {title: Everything, version: 1.0.0}
                paths:
                """);
        base.getPaths().keySet().forEach(path -> spec.append("  '").append(path).append("':\n    $ref: '")
                .append(BASE).append("#/paths/").append(path.replace("~", "~0").replace("/", "~1")).append("'\n"));
        spec.append("components:\n");
        java.util.Map<String, java.util.Map<String, ?>> kinds = new java.util.LinkedHashMap<>();
        kinds.put("schemas", base.getComponents().getSchemas());
        kinds.put("parameters", base.getComponents().getParameters());
        kinds.put("responses", base.getComponents().getResponses());
        kinds.put("headers", base.getComponents().getHeaders());
        kinds.put("securitySchemes", base.getComponents().getSecuritySchemes());
        kinds.forEach((kind, components) -> {
            spec.append("  ").append(kind).append(":\n");
            components.keySet().forEach(name -> spec.append("    Service").append(name).append(":\n      $ref: '")
                    .append(BASE).append("#/components/").append(kind).append('/').append(name).append("'\n"));
        });

        LoadedSpec loaded = loader.load("everything.yaml", spec.toString());

        assertThat(loaded.findings()).isEmpty();
        assertThat(loaded.basePaths()).containsExactlyInAnyOrderElementsOf(base.getPaths().keySet());
        assertThat(loaded.baseSchemaNames()).containsExactlyInAnyOrderElementsOf(base.getComponents().getSchemas().keySet());
    }

    @Test
    void resolvedCopyIsSelfContainedAndLoadsAgainWithoutFindings(@TempDir Path dir) {
        Path resolved = loader.load("powerflow.yaml", SERVICE).writeResolved(dir.resolve("out/powerflow.yaml"));

        LoadedSpec again = loader.load(resolved);

        assertThat(again.findings()).isEmpty();
        assertThat(again.resolvedYaml()).doesNotContain(BASE).contains("getJob", "JobAccepted");
        assertThat(again.openApi().orElseThrow().getComponents().getSchemas()).containsKey("Job");
    }

    @Test
    void convertsSwagger2InsteadOfRejectingIt() {
        LoadedSpec spec = loader.load("legacy.yaml", """
                swagger: "2.0"
                info: {title: Legacy, version: 1.0.0}
                paths:
                  /v1/things:
                    get:
                      operationId: listThings
                      produces: [application/json]
                      responses:
                        "200":
                          description: ok
                          schema: {$ref: '#/definitions/Thing'}
                definitions:
                  Thing:
                    type: object
                    properties:
                      name: {type: string}
                """);

        assertThat(spec.findings()).isEmpty();
        assertThat(spec.convertedFromSwagger2()).isTrue();
        assertThat(spec.sourceVersion()).isEqualTo("2.0");
        OpenAPI api = spec.openApi().orElseThrow();
        assertThat(api.getOpenapi()).startsWith("3.0");
        assertThat(api.getComponents().getSchemas()).containsKey("Thing");
        assertThat(api.getPaths().get("/v1/things").getGet().getResponses().get("200").getContent())
                .containsKey("application/json");
    }

    @Test
    void yamlSyntaxErrorIsAFindingWithItsLine() {
        LoadedSpec spec = loader.load("broken.yaml", """
                openapi: 3.0.3
                info:
                  title: Broken
                 version: 1.0.0
                paths: {}
                """);

        assertThat(spec.openApi()).isEmpty();
        assertThat(spec.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("SOGNO-101");
            assertThat(f.level()).isEqualTo(Level.MUST);
            assertThat(f.line()).isEqualTo(4);
            assertThat(f.message()).startsWith("Not valid YAML");
        });
    }

    @Test
    void jsonSyntaxErrorIsAFindingWithLineAndColumn() {
        LoadedSpec spec = loader.load("broken.json", "{\n  \"openapi\": \"3.0.3\",\n  \"info\": {\"title\": }\n}");

        assertThat(spec.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("Not valid JSON");
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.column()).isGreaterThan(1);
        });
    }

    @Test
    void parserMessagesAreLocatedAtTheElementTheyNameInTheSource() {
        LoadedSpec spec = loader.load("incomplete.yaml", """
                openapi: 3.0.3
                info:
                  title: Incomplete
                paths:
                  /v1/things:
                    get:
                      operationId: listThings
                """);

        assertThat(spec.openApi()).isPresent();
        assertThat(spec.findings()).extracting(Finding::line, Finding::message).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(2, "attribute info.version is missing"),
                org.assertj.core.groups.Tuple.tuple(6, "attribute paths.'/v1/things'(get).responses is missing"));
    }

    @Test
    void missingFileIsAFindingNotAnException(@TempDir Path dir) {
        LoadedSpec spec = loader.load(dir.resolve("absent.yaml"));

        assertThat(spec.openApi()).isEmpty();
        assertThat(spec.findings()).singleElement().satisfies(f -> {
            assertThat(f.message()).startsWith("Cannot read the file");
            assertThat(f.line()).isEqualTo(1);
        });
        assertThatThrownBy(spec::resolvedYaml).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void documentsThatAreNoOpenApiAreFindings() {
        assertThat(loader.load("list.yaml", "- a\n- b\n").findings()).singleElement()
                .extracting(Finding::message).asString().contains("top level must be an object");
        assertThat(loader.load("empty.yaml", "").findings()).singleElement()
                .extracting(Finding::message).asString().contains("top level must be an object");
        assertThat(loader.load("other.yaml", "kind: Deployment\nmetadata: {}\n").findings()).singleElement()
                .extracting(Finding::message).asString().contains("neither an 'openapi' nor a 'swagger'");
    }

    @Test
    void remoteReferencesOtherThanTheBaseAreReportedAtTheirLineAndNeverFetched() {
        LoadedSpec spec = loader.load("remote.yaml", """
                openapi: 3.0.3
                info: {title: Remote, version: 1.0.0}
                paths: {}
                components:
                  schemas:
                    Grid:
                      $ref: 'https://example.org/schemas/grid.yaml#/Grid'
                """);

        assertThat(spec.openApi()).isPresent();
        assertThat(spec.findings()).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(6);
            assertThat(f.message()).contains("https://example.org/schemas/grid.yaml#/Grid", "not fetched");
        });
    }

    @Test
    void unknownBaseDefinitionsAreReportedAtTheReference() {
        LoadedSpec spec = loader.load("typo.yaml", """
                openapi: 3.0.3
                info: {title: Typo, version: 1.0.0}
                paths: {}
                components:
                  schemas:
                    Failure:
                      $ref: '%s#/components/schemas/Problme'
                """.formatted(BASE));

        assertThat(spec.findings()).extracting(Finding::message)
                .anySatisfy(m -> assertThat(m).contains("no component 'schemas/Problme'"));
        assertThat(spec.findings()).extracting(Finding::line).contains(6);
    }

    @Test
    void aServiceComponentShadowingADifferentBaseComponentIsReported() {
        LoadedSpec spec = loader.load("shadow.yaml", """
                openapi: 3.0.3
                info: {title: Shadow, version: 1.0.0}
                paths:
                  /v1/things:
                    get:
                      operationId: listThings
                      responses:
                        '404': {$ref: '%s#/components/responses/NotFound'}
                components:
                  schemas:
                    Problem:
                      type: object
                      properties: {message: {type: string}}
                """.formatted(BASE));

        assertThat(spec.findings()).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(11);
            assertThat(f.message()).contains("differs from the base spec's definition");
        });
    }

    @Test
    void relativeFileReferencesResolveAgainstTheSpecDirectory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("common.yaml"), """
                Grid:
                  type: object
                  properties:
                    name: {type: string}
                """);
        Files.writeString(dir.resolve("api.yaml"), """
                openapi: 3.0.3
                info: {title: Grids, version: 1.0.0}
                paths:
                  /v1/grids:
                    get:
                      operationId: listGrids
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema: {$ref: './common.yaml#/Grid'}
                """);

        LoadedSpec spec = loader.load(dir.resolve("api.yaml"));

        assertThat(spec.findings()).isEmpty();
        assertThat(spec.openApi().orElseThrow().getComponents().getSchemas()).containsKey("Grid");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"3.0.3", "3.1.0"})
    void aSchemaTypeThatIsNoJsonSchemaTypeIsALocatedLoadingFinding(String version) {
        String spec = "openapi: " + version + "\n"
                + "info: {title: Grids, version: 1.0.0}\n"
                + "paths:\n"
                + "  /v1/grids:\n"
                + "    get:\n"
                + "      parameters:\n"
                + "        - {name: limit, in: query, schema: {type: iteger}}\n"
                + "      responses:\n"
                + "        '204': {description: None.}\n";

        LoadedSpec loaded = SpecLoader.defaults().load("grids.yaml", spec);

        assertThat(loaded.findings()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("SOGNO-101");
            assertThat(f.line()).isEqualTo(7);
            assertThat(f.message()).startsWith("Schema type 'iteger' is not a JSON Schema type");
        });
    }
}
