package org.lfenergy.sogno.sdk.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No spec makes the loader read a URL or a file outside the spec's directory tree: a loopback server
 * counts every request, each refused reference gets a located SOGNO-101 finding.
 */
class ReferenceConfinementTest {

    private static final String GRID = "Grid:\n  type: object\n  properties:\n    name: {type: string}\n";

    @TempDir Path root;
    private Path specs;
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private String url;

    @BeforeEach
    void start() throws IOException {
        specs = Files.createDirectories(root.resolve("repo/specs"));
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            byte[] body = GRID.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        url = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void openApi3ReferencesToAnyUrlButTheBaseAreReportedAtTheirLinesAndNeverFetched() throws IOException {
        Path spec = write("api.yaml", """
                openapi: 3.0.3
                info: {title: Grids, version: 1.0.0}
                paths:
                  /v1/grids:
                    $ref: '%1$s/paths.yaml#/grids'
                  /v1/lines:
                    get:
                      operationId: listLines
                      parameters:
                        - $ref: '%1$s/parameters.yaml#/limit'
                      responses:
                        '200':
                          description: ok
                          content:
                            application/json:
                              schema: {$ref: '%1$s/grid.yaml#/Grid'}
                components:
                  schemas:
                    Line:
                      $ref: 'HTTP://localhost:%2$d/line.json'
                """.formatted(url, server.getAddress().getPort()));

        LoadedSpec loaded = SpecLoader.defaults().load(spec);

        assertThat(requests).hasValue(0);
        assertThat(loaded.openApi()).isPresent();
        assertThat(loaded.findings()).extracting(Finding::ruleId).containsOnly(SpecLoader.LOAD_RULE_ID);
        // the emptied parameter also gets the parser's "missing name" finding
        assertThat(loaded.findings()).filteredOn(f -> f.message().contains("Remote reference"))
                .extracting(Finding::line).containsExactlyInAnyOrder(4, 10, 16, 19);
    }

    @Test
    void swagger2ReferencesToUrlsAreReportedAtTheirLinesAndNeverFetched() throws IOException {
        Path spec = write("legacy.yaml", """
                swagger: '2.0'
                info: {title: Legacy, version: 1.0.0}
                paths:
                  /v1/grids:
                    get:
                      operationId: listGrids
                      parameters:
                        - $ref: '%1$s/parameters.yaml#/limit'
                      responses:
                        '200':
                          description: ok
                          schema: {$ref: '%1$s/grid.yaml#/Grid'}
                definitions:
                  Line:
                    $ref: '%1$s/line.json'
                  Problem:
                    $ref: 'https://sogno-platform.github.io/sogno-api/base/v1/openapi.yaml#/components/schemas/Problem'
                """.formatted(url));

        LoadedSpec loaded = SpecLoader.defaults().load(spec);

        assertThat(requests).hasValue(0);
        assertThat(loaded.openApi()).isPresent();
        assertThat(loaded.findings()).extracting(Finding::ruleId).containsOnly(SpecLoader.LOAD_RULE_ID);
        assertThat(loaded.findings()).filteredOn(f -> f.message().contains("Remote reference '" + url))
                .extracting(Finding::line).containsExactlyInAnyOrder(8, 12, 14);
        assertThat(loaded.findings()).filteredOn(f -> f.message().contains("base spec is not fetched"))
                .extracting(Finding::line).containsExactly(16);
    }

    @Test
    void aUrlInsideAReferencedFileIsReportedAtTheReferenceLeadingToItAndNeverFetched() throws IOException {
        write("common.yaml", "Grid:\n  type: object\n  properties:\n    line: {$ref: '" + url + "/line.yaml'}\n");
        Path spec = write("api.yaml", schemaRef("./common.yaml#/Grid"));

        LoadedSpec loaded = SpecLoader.defaults().load(spec);

        assertThat(requests).hasValue(0);
        assertThat(loaded.findings()).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(6);
            assertThat(f.message()).contains("common.yaml", "/Grid/properties/line", url + "/line.yaml");
        });
    }

    @Test
    void fileReferencesLeavingTheSpecDirectoryAreReportedAndNotRead() throws IOException {
        Path secret = Files.writeString(root.resolve("repo/secret.yaml"), GRID);
        Path spec = write("api.yaml", """
                openapi: 3.0.3
                info: {title: Grids, version: 1.0.0}
                paths: {}
                components:
                  schemas:
                    Passwd:
                      $ref: '../../etc/passwd'
                    Up:
                      $ref: '../secret.yaml#/Grid'
                    Absolute:
                      $ref: '%s#/Grid'
                """.formatted(secret.toUri()));

        LoadedSpec loaded = SpecLoader.defaults().load(spec);

        assertThat(loaded.findings()).extracting(Finding::line).containsExactlyInAnyOrder(6, 8, 10);
        assertThat(loaded.findings()).allSatisfy(f -> assertThat(f.message()).contains("leaves the spec's directory"));
        assertThat(loaded.findings()).filteredOn(f -> f.line() == 6).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("'../../etc/passwd'"));
        Object secretProperties = loaded.openApi().orElseThrow().getComponents().getSchemas().get("Up").getProperties();
        assertThat(secretProperties).as("nothing of the file outside was read").isNull();
    }

    @Test
    void aSymbolicLinkInsideTheSpecDirectoryLeadingOutOfItIsRefused() throws IOException {
        Path outside = Files.createDirectories(root.resolve("outside"));
        Files.writeString(outside.resolve("grid.yaml"), GRID);
        Files.createSymbolicLink(specs.resolve("shared"), outside);
        Path spec = write("api.yaml", schemaRef("shared/grid.yaml#/Grid"));

        assertThat(SpecLoader.defaults().load(spec).findings()).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("leaves the spec's directory"));
    }

    @Test
    void filesInSubdirectoriesOfTheSpecDirectoryStillResolve() throws IOException {
        Files.createDirectories(specs.resolve("schemas"));
        write("schemas/grid.yaml", GRID);
        Path spec = write("api.yaml", schemaRef("schemas/../schemas/grid.yaml#/Grid"));

        LoadedSpec loaded = SpecLoader.defaults().load(spec);

        assertThat(loaded.findings()).isEmpty();
        assertThat(loaded.openApi().orElseThrow().getComponents().getSchemas()).containsKey("Grid");
    }

    @Test
    void lintingReportsEachRefusedReferenceAndFetchesNothing() throws IOException {
        Path spec = write("api.yaml", schemaRef(url + "/grid.yaml#/Grid"));

        LintReport report = Linter.defaults().lint(spec);

        assertThat(requests).hasValue(0);
        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals(SpecLoader.LOAD_RULE_ID))
                .extracting(Finding::line).containsExactly(6);
    }

    private static String schemaRef(String ref) {
        return List.of("openapi: 3.0.3", "info: {title: Grids, version: 1.0.0}", "paths: {}", "components:",
                "  schemas:", "    Grid:", "      $ref: '" + ref + "'", "").stream()
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(specs.resolve(name), text);
    }
}
