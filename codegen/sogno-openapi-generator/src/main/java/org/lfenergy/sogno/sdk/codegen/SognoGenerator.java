package org.lfenergy.sogno.sdk.codegen;

import io.swagger.v3.oas.models.OpenAPI;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.openapitools.codegen.ClientOptInput;
import org.openapitools.codegen.CodegenConstants;
import org.lfenergy.sogno.sdk.lint.LoadedSpec;
import org.openapitools.codegen.DefaultGenerator;

/**
 * Generates a client with the SDK's defaults from a parsed spec: {@code <package>.api} for the API
 * classes, {@code <package>.model} for the models, Java sources straight under the output directory
 * (add it as a source root). With {@link Builder#server()} it writes the server side instead:
 * {@code <package>.server} for the handler interfaces on {@code sogno-sdk-server} (see {@link
 * SognoJavaServerCodegen}) and the same models. The Maven plugin's {@code generate} goal and the platform client's build
 * use it; from the CLI, use generator name {@link SognoJavaClientCodegen#NAME} instead.
 *
 * <pre>{@code
 * List<File> files = SognoGenerator.builder()
 *     .basePackage("com.acme.powerflow.client")
 *     .outputDirectory(Path.of("target/generated-sources/sogno"))
 *     .build()
 *     .generate(Path.of("src/main/openapi/powerflow.yaml"));
 * }</pre>
 *
 * <p>Immutable and thread-safe; each {@link #generate} call uses a fresh OpenAPI Generator config.
 */
public final class SognoGenerator {
  private static final Pattern JAVA_PACKAGE =
      Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");

  private final String basePackage;
  private final Path outputDirectory;
  private final Map<String, Object> additionalProperties;
  private final boolean server;
  private final List<Path> overlays;

  private SognoGenerator(Builder builder) {
    this.server = builder.server;
    this.basePackage = builder.basePackage;
    this.outputDirectory = builder.outputDirectory;
    this.additionalProperties = Map.copyOf(builder.additionalProperties);
    this.overlays = List.copyOf(builder.overlays);
  }

  /** A builder; {@link Builder#basePackage} and {@link Builder#outputDirectory} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads {@code spec} (OpenAPI 3.0 or Swagger 2.0, YAML or JSON) with the {@linkplain Builder#overlay
   * overlays} merged onto it, writes its client and returns the files written.
   *
   * @throws GenerationException if the spec cannot be read or the loader reports any finding (the
   *     message lists them, {@code RULE LEVEL file:line message}), or generation fails (the message
   *     names the operation or schema, located in the spec, and the root cause, never the model), or an
   *     overlay is not a readable YAML or JSON object (the message names it)
   */
  public List<File> generate(Path spec) {
    LoadedSpec loaded = SpecParsing.load(spec, overlays);
    return generate(loaded.openApi().orElseThrow(), spec, loaded.baseSchemaNames(), loaded::locate);
  }

  /**
   * Writes the client of the base spec itself (jobs, health), generating its schemas that have no
   * SDK class: how {@code sogno-platform-client} is built.
   *
   * @throws GenerationException if generation fails
   */
  public List<File> generateBaseSpecClient() {
    LoadedSpec base = SpecParsing.loadBaseSpec();
    OpenAPI openApi = base.openApi().orElseThrow();
    Set<String> schemas = openApi.getComponents().getSchemas().keySet();
    return withOption(SognoJavaClientCodegen.GENERATE_BASE_MODELS, true)
        .generate(openApi, Path.of(base.fileName()), schemas, base::locate);
  }

  private SognoGenerator withOption(String name, Object value) {
    Builder builder = builder().basePackage(basePackage).outputDirectory(outputDirectory);
    builder.server = server;
    additionalProperties.forEach(builder::option);
    overlays.forEach(builder::overlay);
    return builder.option(name, value).build();
  }

  /**
   * Writes the client for {@code openApi} and returns the files written. Its schemas named like the
   * base spec's {@code Problem}, {@code Job}, … are taken for the base spec's and map to the SDK's
   * classes.
   *
   * @param openApi the parsed spec, with external references resolved
   * @param specLocation where the spec came from; named in the generated sources' headers
   * @throws GenerationException if OpenAPI Generator fails on the spec
   */
  public List<File> generate(OpenAPI openApi, Path specLocation) {
    return generate(openApi, specLocation, BaseSchemas.SDK_CLASSES.keySet(), pointer -> specLocation.toString());
  }

  private List<File> generate(OpenAPI openApi, Path specLocation, Set<String> baseSchemaNames,
      Function<String, String> locate) {
    Objects.requireNonNull(openApi, "openApi");
    SognoJavaClientCodegen config = server ? new SognoJavaServerCodegen() : new SognoJavaClientCodegen();
    config.baseSchemaNames(baseSchemaNames);
    config.setOutputDir(outputDirectory.toAbsolutePath().toString());
    config.setInputSpec(specLocation.toString());
    Map<String, Object> properties = config.additionalProperties();
    properties.put(CodegenConstants.INVOKER_PACKAGE, basePackage);
    properties.put(CodegenConstants.API_PACKAGE, basePackage + (server ? ".server" : ".api"));
    properties.put(CodegenConstants.MODEL_PACKAGE, basePackage + ".model");
    properties.put(CodegenConstants.SOURCE_FOLDER, "");
    properties.putAll(additionalProperties);

    DefaultGenerator generator = new DefaultGenerator();
    generator.setGenerateMetadata(false);
    generator.setGeneratorPropertyDefault(CodegenConstants.API_TESTS, "false");
    generator.setGeneratorPropertyDefault(CodegenConstants.MODEL_TESTS, "false");
    generator.setGeneratorPropertyDefault(CodegenConstants.API_DOCS, "false");
    generator.setGeneratorPropertyDefault(CodegenConstants.MODEL_DOCS, "false");
    // OpenAPI 3.1 webhooks are requests the service sends, not operations a client calls. Naming
    // one kind of file switches off every kind not named, so all are named.
    generator.setGeneratorPropertyDefault(CodegenConstants.WEBHOOKS, "false");
    generator.setGeneratorPropertyDefault(CodegenConstants.APIS, "true");
    generator.setGeneratorPropertyDefault(CodegenConstants.MODELS, "true");
    generator.setGeneratorPropertyDefault(CodegenConstants.SUPPORTING_FILES, "true");
    try {
      return generator.opts(new ClientOptInput().openAPI(openApi).config(config)).generate();
    } catch (RuntimeException e) {
      throw GenerationFailures.summarise(e, specLocation.toString(), locate);
    }
  }

  /** Builds a {@link SognoGenerator}. Not thread-safe. */
  public static final class Builder {
    private String basePackage;
    private Path outputDirectory;
    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();
    private boolean server;
    private final List<Path> overlays = new java.util.ArrayList<>();

    private Builder() {}

    /**
     * Writes the server side instead of the client: per tag a {@code <Tag>Handler} interface in {@code
     * <package>.server} with typed requests and responses on {@code sogno-sdk-server}, and the models.
     */
    public Builder server() {
      this.server = true;
      return this;
    }

    /**
     * Renders the spec's {@code x-class-extra-annotation}, {@code x-field-extra-annotation}, {@code
     * x-setter-extra-annotation}, {@code x-extra-annotation} and {@code x-implements} into the generated
     * sources verbatim, as the stock Java generator does ({@link SognoJavaClientCodegen#ALLOW_SPEC_CODE}).
     * Without it they are dropped with a WARN each: no spec text becomes code. Call it only for a spec
     * you trust as you trust your own source code.
     */
    public Builder allowSpecCode() {
      return option(SognoJavaClientCodegen.ALLOW_SPEC_CODE, true);
    }

    /**
     * The package of the client, e.g. {@code com.acme.powerflow.client}.
     *
     * @throws IllegalArgumentException if it is not a Java package name
     */
    public Builder basePackage(String basePackage) {
      if (basePackage == null || !JAVA_PACKAGE.matcher(basePackage).matches()) {
        throw new IllegalArgumentException("Not a Java package name: " + basePackage);
      }
      this.basePackage = basePackage;
      return this;
    }

    /** The directory to write Java sources to; it becomes a source root. */
    public Builder outputDirectory(Path outputDirectory) {
      this.outputDirectory = Objects.requireNonNull(outputDirectory, "outputDirectory");
      return this;
    }

    /**
     * An OpenAPI Generator option for the Java generator (e.g. {@code useBeanValidation}), or {@link
     * SognoJavaClientCodegen#GENERATE_BASE_MODELS}. Options the SDK's runtime depends on (library,
     * serialization) cannot be changed.
     */
    public Builder option(String name, Object value) {
      additionalProperties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Adds an overlay file: a JSON Merge Patch (RFC 7396, YAML or JSON) merged onto the spec before it
     * is read, after the overlays added before it. How to add, for example, {@code x-sogno-job-dialect}
     * to an operation of a spec you do not own without editing it. Loader findings then locate in the
     * merged document.
     */
    public Builder overlay(Path overlay) {
      overlays.add(Objects.requireNonNull(overlay, "overlay"));
      return this;
    }

    /** @throws IllegalStateException if the base package or output directory is missing */
    public SognoGenerator build() {
      if (basePackage == null || outputDirectory == null) {
        throw new IllegalStateException("basePackage and outputDirectory are required");
      }
      return new SognoGenerator(this);
    }
  }
}
