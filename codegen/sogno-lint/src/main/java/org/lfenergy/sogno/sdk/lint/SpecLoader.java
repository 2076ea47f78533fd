package org.lfenergy.sogno.sdk.lint;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.parser.SwaggerParser;
import io.swagger.parser.SwaggerResolver;
import io.swagger.parser.util.SwaggerDeserializationResult;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.converter.SwaggerConverter;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.lfenergy.sogno.sdk.lint.internal.BaseSpecBundler;
import org.lfenergy.sogno.sdk.lint.internal.MessageLocator;
import org.lfenergy.sogno.sdk.lint.internal.Pointers;
import org.lfenergy.sogno.sdk.lint.internal.RefConfinement;
import org.lfenergy.sogno.sdk.lint.internal.SchemaTypes;
import org.lfenergy.sogno.sdk.lint.internal.SourceIndex;
import org.lfenergy.sogno.sdk.lint.internal.Yamls;
import org.lfenergy.sogno.sdk.lint.internal.events.EventRules;
import org.lfenergy.sogno.sdk.spec.BaseSpec;

/**
 * Loads an OpenAPI 3.0 spec (YAML or JSON) the way the SOGNO generator and linter see it. An
 * AsyncAPI document ({@code asyncapi} field) is read as a tree only, for the linter's events rules
 * ({@link LoadedSpec#isAsyncApi()}).
 *
 * <ul>
 *   <li>References into the base spec ({@link BaseSpec#URL}) resolve to the copy bundled in the
 *       {@code sogno-api-spec} jar, never over the network: before swagger-parser runs, they are
 *       rewritten to local {@code #/components/...} references and the base components copied in
 *       under their base names.</li>
 *   <li>Other remote references are reported and dropped, unless {@link Builder#allowRemoteRefs};
 *       so are base references of Swagger 2.0 specs. Relative and {@code file:} references resolve
 *       against the spec's directory and must stay inside its tree (symbolic links resolved), as
 *       must every reference of the files they reach; the others are reported and dropped.</li>
 *   <li>Swagger 2.0 is converted to OpenAPI 3 with swagger-parser's converter, not rejected.</li>
 *   <li>Nothing throws for bad input: unreadable files, YAML errors and parser messages become
 *       {@link Finding}s of rule {@code SOGNO-101} with a file, line and column.</li>
 * </ul>
 *
 * <p>Uses the swagger-parser version openapi-generator 7.25.0 uses, so the linter and the
 * generator read a spec alike. Immutable and thread-safe.
 */
public final class SpecLoader {

    /** The rule ID of loading problems: the spec must be a valid, self-contained OpenAPI document. */
    public static final String LOAD_RULE_ID = "SOGNO-101";

    private static final SpecLoader DEFAULTS = builder().build();

    private final boolean allowRemoteRefs;

    private SpecLoader(Builder builder) {
        this.allowRemoteRefs = builder.allowRemoteRefs;
    }

    /** A loader that resolves only the base spec by URL and refuses other remote references. */
    public static SpecLoader defaults() {
        return DEFAULTS;
    }

    /** Starts a loader configuration. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads a spec file; findings name it as {@code file.toString()}.
     *
     * @throws NullPointerException if {@code file} is null
     */
    public LoadedSpec load(Path file) {
        String name = file.toString();
        String content;
        try {
            content = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            return failed(name, file, "The file is not UTF-8 text", SourceIndex.Position.START);
        } catch (IOException e) {
            return failed(name, file, "Cannot read the file: " + e, SourceIndex.Position.START);
        }
        return load(name, content, file);
    }

    /**
     * Loads a spec from text; {@code fileName} is what findings call the source. Relative file
     * references resolve against the working directory and must stay inside it.
     *
     * @throws NullPointerException if an argument is null
     */
    public LoadedSpec load(String fileName, String content) {
        return load(java.util.Objects.requireNonNull(fileName, "fileName"),
                java.util.Objects.requireNonNull(content, "content"), null);
    }

    /**
     * Loads {@code content} as the text of {@code file} (for example the file with overlays merged):
     * findings name {@code file.toString()}, relative file references resolve beside {@code file}.
     *
     * @throws NullPointerException if an argument is null
     */
    public LoadedSpec load(Path file, String content) {
        return load(file.toString(), java.util.Objects.requireNonNull(content, "content"), file);
    }

    private LoadedSpec load(String fileName, String content, Path path) {
        try {
            return parse(fileName, content, path);
        } catch (RuntimeException e) {
            // Last line of defence: a parser bug must not become a build crash without a location.
            return failed(fileName, path, "The spec could not be read: " + e, SourceIndex.Position.START);
        }
    }

    private LoadedSpec parse(String fileName, String content, Path path) {
        ObjectMapper mapper = Yamls.mapperFor(content);
        JsonNode tree;
        try {
            tree = mapper.readTree(content);
        } catch (JsonProcessingException e) {
            SourceIndex.Position at = e.getLocation() == null ? SourceIndex.Position.START
                    : new SourceIndex.Position(Math.max(1, e.getLocation().getLineNr()),
                            Math.max(1, e.getLocation().getColumnNr()));
            return failed(fileName, path, "Not valid " + (mapper == Yamls.json() ? "JSON" : "YAML") + ": "
                    + e.getOriginalMessage(), at);
        }
        if (!(tree instanceof ObjectNode document)) {
            return failed(fileName, path, "Not an OpenAPI document: the top level must be an object",
                    SourceIndex.Position.START);
        }
        boolean swagger2 = document.path("swagger").asText("").startsWith("2");
        SourceIndex index;
        try (JsonParser parser = Yamls.parser(mapper, content)) {
            index = SourceIndex.of(parser, swagger2);
        } catch (IOException e) {
            index = SourceIndex.empty();
        }
        Load load = new Load(fileName, path, index, document);
        if (document.has("asyncapi")) {
            // Read as a plain tree: no maintained AsyncAPI parser for Java; the events rules read the tree.
            String unsupported = EventRules.unsupportedVersion(document);
            if (unsupported != null) {
                load.report("/asyncapi", unsupported);
            }
            return load.result(null, document.path("asyncapi").asText(""), Set.of(), Set.of());
        }
        try {
            return swagger2 ? load.swagger2(allowRemoteRefs) : load.openApi3(allowRemoteRefs);
        } catch (RuntimeException e) {
            // swagger-parser throws on some malformed documents instead of reporting them.
            load.report("", "The OpenAPI parser failed: " + e);
            return load.result(null, document.path("openapi").asText(""), Set.of(), Set.of());
        }
    }

    private static LoadedSpec failed(String fileName, Path path, String message, SourceIndex.Position at) {
        Finding finding = new Finding(LOAD_RULE_ID, Level.MUST, message, fileName, at.line(), at.column(), "");
        return new LoadedSpec(fileName, path, "", null, List.of(finding), Set.of(), Set.of(), null,
                SourceIndex.empty());
    }

    /**
     * For OpenAPI 3.0, resolving reads file references into components and keeps local references.
     * For 3.1, swagger-parser's resolving dereferences every reference in place (each use of a schema
     * becomes a copy, so every rule would report it once per use); 3.1 documents keep their local
     * references, as 3.0 ones do, and file references are not read (see {@code docs/api-guidelines.md},
     * SOGNO-100).
     */
    private static ParseOptions parseOptions(String version) {
        ParseOptions options = new ParseOptions();
        options.setResolve(!version.startsWith("3.1"));
        return options;
    }

    /** The state of one load: where findings go and how they are located. */
    private static final class Load {
        private final String fileName;
        private final Path path;
        private final SourceIndex index;
        private final ObjectNode source;
        private final List<Finding> findings = new ArrayList<>();

        Load(String fileName, Path path, SourceIndex index, ObjectNode source) {
            this.fileName = fileName;
            this.path = path;
            this.index = index;
            this.source = source;
        }

        LoadedSpec swagger2(boolean allowRemoteRefs) {
            ObjectNode confined = source.deepCopy();
            confine(confined, allowRemoteRefs, true);
            String json = serialise(confined);
            if (json == null) {
                return result(null, source.path("swagger").asText(""), Set.of(), Set.of());
            }
            // Parsed without resolving, then resolved against the spec's own location: the converter's
            // readLocation would re-read the file and follow the references confine() removed.
            SwaggerDeserializationResult swagger = new SwaggerParser().readWithInfo(json, false);
            if (swagger != null && swagger.getSwagger() != null) {
                swagger.setSwagger(new SwaggerResolver(swagger.getSwagger(), null,
                        path == null ? null : path.toAbsolutePath().toString()).resolve());
            }
            SwaggerParseResult result = swagger == null ? null : new SwaggerConverter().convert(swagger);
            return parsed(result, source.path("swagger").asText(""), Set.of(), Set.of());
        }

        /**
         * Removes and reports the references swagger-parser must not follow (see {@link RefConfinement});
         * a Swagger 2.0 document keeps no base reference (the bundler reads OpenAPI 3 only).
         */
        private void confine(ObjectNode document, boolean allowRemoteRefs, boolean swagger2) {
            Path directory = path == null ? Path.of("").toAbsolutePath() : path.toAbsolutePath().getParent();
            new RefConfinement(directory, allowRemoteRefs, !swagger2).confine(document, directory)
                    .forEach(issue -> report(swagger2 ? Pointers.swagger2ToOpenApi3(issue.pointer()) : issue.pointer(),
                            issue.message()));
        }

        private String serialise(ObjectNode document) {
            try {
                return Yamls.json().writeValueAsString(document);
            } catch (JsonProcessingException e) {
                report("", "Cannot serialise the bundled document: " + e.getOriginalMessage());
                return null;
            }
        }

        LoadedSpec openApi3(boolean allowRemoteRefs) {
            String version = source.path("openapi").asText("");
            if (version.isEmpty()) {
                report("", "Not an OpenAPI document: it has neither an 'openapi' nor a 'swagger' version field");
                return result(null, "", Set.of(), Set.of());
            }
            ObjectNode bundled = source.deepCopy();
            confine(bundled, allowRemoteRefs, false);
            BaseSpecBundler bundler = new BaseSpecBundler(bundled);
            bundler.bundle().forEach(issue -> report(issue.pointer(), issue.message()));
            String json = serialise(bundled);
            if (json == null) {
                return result(null, version, Set.of(), Set.of());
            }
            String location = path == null ? null : path.toAbsolutePath().toUri().toString();
            SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, parseOptions(version), location);
            return parsed(result, version, bundler.copiedComponents(), bundler.inlinedPaths());
        }

        private LoadedSpec parsed(SwaggerParseResult result, String version, Set<String> baseComponents,
                Set<String> basePaths) {
            if (result == null) {
                report("", "The OpenAPI parser returned nothing");
                return result(null, version, baseComponents, basePaths);
            }
            if (result.getMessages() != null) {
                result.getMessages().forEach(message -> report(MessageLocator.pointerOf(message), message));
            }
            OpenAPI api = result.getOpenAPI();
            if (api != null) {
                SchemaTypes.invalid(api).forEach(invalid -> report(invalid.pointer(), invalid.message()));
            }
            if (api == null && findings.isEmpty()) {
                report("", "The OpenAPI parser could not read the document");
            }
            return result(api, version, baseComponents, basePaths);
        }

        void report(String pointer, String message) {
            SourceIndex.Position at = index.locate(pointer);
            findings.add(new Finding(LOAD_RULE_ID, Level.MUST, message, fileName, at.line(), at.column(), pointer));
        }

        LoadedSpec result(OpenAPI api, String version, Set<String> baseComponents, Set<String> basePaths) {
            return new LoadedSpec(fileName, path, version, api, findings, baseComponents, basePaths, source, index);
        }
    }

    /** Configures a {@link SpecLoader}. Not thread-safe; {@link #build()} copies the settings. */
    public static final class Builder {
        private boolean allowRemoteRefs;

        private Builder() {
        }

        /**
         * Lets swagger-parser fetch remote references other than the base spec (off by default:
         * builds must not depend on the network; such references are reported and dropped).
         */
        public Builder allowRemoteRefs(boolean allow) {
            this.allowRemoteRefs = allow;
            return this;
        }

        /** Builds the loader. */
        public SpecLoader build() {
            return new SpecLoader(this);
        }
    }
}
