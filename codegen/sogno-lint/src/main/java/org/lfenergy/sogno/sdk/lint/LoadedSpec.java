package org.lfenergy.sogno.sdk.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lfenergy.sogno.sdk.lint.internal.TextFiles;
import org.lfenergy.sogno.sdk.lint.internal.SourceIndex;
import org.lfenergy.sogno.sdk.spec.BaseSpec;

/**
 * A spec as {@link SpecLoader} read it: the OpenAPI 3 model with references into the base spec
 * resolved to the bundled copy (and Swagger 2.0 converted), plus everything that went wrong on the
 * way as {@link Finding}s with a location.
 *
 * <p>References inside the document stay references ({@code #/components/schemas/Problem}); base
 * components are copied into {@code components} under their base names, listed by
 * {@link #baseComponents()}. When the file could not be parsed at all, {@link #openApi()} is empty
 * and {@link #findings()} says why and where.
 *
 * <p>Immutable once loaded; the {@link OpenAPI} model is mutable by nature, so callers that change
 * it (the generator does) own that change. Thread-safe for reading.
 */
public final class LoadedSpec {

    private final String fileName;
    private final Path path;
    private final String sourceVersion;
    private final OpenAPI openApi;
    private final List<Finding> findings;
    private final Set<String> baseComponents;
    private final Set<String> basePaths;
    private final JsonNode sourceTree;
    private final SourceIndex index;

    LoadedSpec(String fileName, Path path, String sourceVersion, OpenAPI openApi, List<Finding> findings,
            Set<String> baseComponents, Set<String> basePaths, JsonNode sourceTree, SourceIndex index) {
        this.fileName = fileName;
        this.path = path;
        this.sourceVersion = sourceVersion;
        this.openApi = openApi;
        this.findings = List.copyOf(findings);
        this.baseComponents = Set.copyOf(baseComponents);
        this.basePaths = Set.copyOf(basePaths);
        this.sourceTree = sourceTree;
        this.index = index;
    }

    /** The file name findings carry, as the caller gave it. */
    public String fileName() {
        return fileName;
    }

    /** The file the spec was read from, when it was read from one. */
    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    /** The {@code openapi} or {@code swagger} version of the source ({@code "3.0.3"}, {@code "2.0"}), or {@code ""}. */
    public String sourceVersion() {
        return sourceVersion;
    }

    /** Tells whether the source was Swagger 2.0 and the model is its conversion to OpenAPI 3. */
    public boolean convertedFromSwagger2() {
        return !isAsyncApi() && sourceVersion.startsWith("2");
    }

    /**
     * Tells whether the source is an AsyncAPI document ({@code asyncapi} version field). It has no
     * {@link #openApi()} model; the linter checks its events rules on the document tree, and
     * {@link #sourceVersion()} is its AsyncAPI version.
     */
    public boolean isAsyncApi() {
        return sourceTree != null && sourceTree.has("asyncapi");
    }

    /** The OpenAPI 3 model; empty when the source could not be parsed. */
    public Optional<OpenAPI> openApi() {
        return Optional.ofNullable(openApi);
    }

    /** Problems found while loading (rule {@code SOGNO-101}), each with a location; empty when all went well. */
    public List<Finding> findings() {
        return findings;
    }

    /** The components copied from the base spec, as {@code <kind>/<name>}, e.g. {@code schemas/Problem}. */
    public Set<String> baseComponents() {
        return baseComponents;
    }

    /** The schema names among {@link #baseComponents()}: the generator maps these to the SDK's classes. */
    public Set<String> baseSchemaNames() {
        return baseComponents.stream().filter(c -> c.startsWith("schemas/"))
                .map(c -> c.substring("schemas/".length())).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The path keys whose whole path item is a reference to a path of the base spec. */
    public Set<String> basePaths() {
        return basePaths;
    }

    /** The URL under which the base spec is referenced; see {@link BaseSpec}. */
    public static String baseSpecUrl() {
        return BaseSpec.URL;
    }

    /**
     * The self-contained OpenAPI 3 document as YAML: base references and external files resolved,
     * Swagger 2.0 converted. Feed it to tools that take a file.
     *
     * @throws IllegalStateException if the spec could not be parsed ({@link #openApi()} is empty)
     */
    public String resolvedYaml() {
        if (openApi == null) {
            throw new IllegalStateException(fileName + " could not be parsed: " + findings);
        }
        return Yaml.pretty(openApi);
    }

    /**
     * Writes {@link #resolvedYaml()} to {@code target}, creating its parent directories.
     *
     * @return {@code target}
     * @throws IllegalStateException if the spec could not be parsed
     * @throws UncheckedIOException if writing fails
     */
    public Path writeResolved(Path target) {
        return TextFiles.write(target, resolvedYaml(), "the resolved spec");
    }

    /**
     * Where an element of the OpenAPI 3 form of the document is in the source, as {@code file:line}
     * (the nearest ancestor the source has, for elements a converter added; line 1 when unknown).
     *
     * @param pointer an RFC 6901 JSON pointer such as {@code /paths/~1v1~1grids/get}
     * @throws NullPointerException if {@code pointer} is null
     */
    public String locate(String pointer) {
        return fileName + ":" + index.locate(java.util.Objects.requireNonNull(pointer, "pointer")).line();
    }

    JsonNode sourceTree() {
        return sourceTree;
    }

    SourceIndex index() {
        return index;
    }

    @Override
    public String toString() {
        return "LoadedSpec[" + fileName + ", " + (sourceVersion.isEmpty() ? "unparsed" : sourceVersion)
                + ", " + findings.size() + " load findings]";
    }
}
