package org.lfenergy.sogno.sdk.codegen;

import com.google.common.collect.ImmutableMap;
import com.samskivert.mustache.Mustache;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import java.io.File;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openapitools.codegen.CodegenConstants;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenProperty;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.SupportingFile;
import org.openapitools.codegen.languages.JavaClientCodegen;
import org.openapitools.codegen.model.ModelMap;
import org.openapitools.codegen.model.ModelsMap;
import org.openapitools.codegen.model.OperationsMap;
import org.openapitools.codegen.utils.ModelUtils;

/**
 * The {@code sogno-java} generator: OpenAPI Generator's {@link JavaClientCodegen} with an HTTP layer on
 * {@code sogno-sdk-core}. Generated API classes take a {@code SognoClient}, build {@code ApiRequest}s and
 * read answers with {@code ResponseReader}s; failures surface as the core's typed problem exceptions.
 *
 * <p>What differs from the stock Java generator:
 *
 * <ul>
 *   <li>one API template (sync, {@code …WithResponse} and {@code …Async} methods per operation) and no
 *       {@code ApiClient}, {@code ApiException} or other invoker classes;
 *   <li>models come from the stock Jackson templates, except enums, which are extensible: a class with a
 *       constant per known value whose {@code of(value)} keeps an unknown value and writes it back
 *       unchanged; and polymorphic models ({@code oneOf}, {@code anyOf}, {@code allOf} with a
 *       discriminator), which read through an allow-list of variants and keep an unknown
 *       discriminator value (see {@link PolymorphicModels});
 *   <li>an operation with several 2xx answers of different types reads each by its status into an
 *       {@code <Operation>Outcome}; the stock generator reads every 2xx as the lowest code's type;
 *   <li>an operation answering {@code 202} with the base spec's {@code Job} also gets {@code
 *       begin<Operation>}, which returns sdk-async's poller;
 *   <li>schemas of the base spec ({@code Problem}, {@code Job}, …) map to the SDK's classes and are never
 *       generated again (see {@link BaseSchemas}).
 * </ul>
 *
 * <p>Registered through {@code META-INF/services/org.openapitools.codegen.CodegenConfig}, so {@code
 * openapi-generator-cli generate -g sogno-java} and the {@code openapi-generator-maven-plugin} find it
 * when this jar is on their class path. Instances are single-use and not thread-safe, like every
 * OpenAPI Generator config.
 */
public class SognoJavaClientCodegen extends JavaClientCodegen {
  /** The generator name to pass as {@code -g} / {@code generatorName}. */
  public static final String NAME = "sogno-java";

  /** Additional property: when {@code true}, the base spec's own schemas are generated, not mapped. */
  public static final String GENERATE_BASE_MODELS = "sognoGenerateBaseModels";

  /**
   * Additional property: when {@code true}, the vendor extensions the stock Java templates paste into
   * the source verbatim ({@code x-class-extra-annotation}, {@code x-field-extra-annotation}, {@code
   * x-setter-extra-annotation}, {@code x-extra-annotation}, {@code x-implements}) are rendered from the
   * spec as they are. Off by default: they are dropped with a WARN naming each and where it is. Only for
   * a spec whose every author may put code into the generated sources.
   */
  public static final String ALLOW_SPEC_CODE = "sognoAllowSpecCode";

  static final String TEMPLATE_DIR = "sogno-java";

  /** Simple names the client's and the server's API files import or declare: no model may take them. */
  private static final Set<String> API_CLASS_IMPORTS = Set.of(
      "ApiRequest", "ApiResponse", "ResponseReader", "SognoClient", "TypeRef", "CompletableFuture", "Objects",
      "FormBody", "List", "Map", "Set", "OperationRequest", "OperationResponse", "SognoServer", "ServerParameters",
      // declared by polymorphic models (PolymorphicModels): nested in them or beside them
      "Unknown", "Reader", "OneOfReader");

  private Set<String> baseSchemaNames = BaseSchemas.SDK_CLASSES.keySet();
  private static final String STOCK_TEMPLATE_DIR = "Java";

  /** Creates the generator with the SDK's defaults; options from the caller are applied later. */
  public SognoJavaClientCodegen() {
    super();
    templateDir = TEMPLATE_DIR;
    embeddedTemplateDir = STOCK_TEMPLATE_DIR;
    // The apache-httpclient library renders models with the stock Jackson templates; our api.mustache
    // replaces its HTTP layer and processOpts drops its invoker classes.
    setLibrary(APACHE);
    invokerPackage = "org.lfenergy.sogno.generated";
    apiPackage = invokerPackage + ".api";
    modelPackage = invokerPackage + ".model";
    setHideGenerationTimestamp(true);
    setOpenApiNullable(false);
    setDateLibrary("java8");
  }

  /** The schemas that came from the base spec (by default: those named like the SDK's classes). */
  void baseSchemaNames(Set<String> names) {
    this.baseSchemaNames = Set.copyOf(names);
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public String getHelp() {
    return "Generates a Java client on sogno-sdk-core (OkHttp 5, Jackson, typed RFC 9457 problems, async jobs).";
  }

  @Override
  public void processOpts() {
    additionalProperties.put(CodegenConstants.LIBRARY, APACHE);
    additionalProperties.put(CodegenConstants.SERIALIZATION_LIBRARY, SERIALIZATION_LIBRARY_JACKSON);
    additionalProperties.put(OPENAPI_NULLABLE, false);
    additionalProperties.put(SUPPORT_URL_QUERY, false);
    additionalProperties.putIfAbsent(CodegenConstants.HIDE_GENERATION_TIMESTAMP, true);
    super.processOpts();

    supportingFiles.clear();
    apiTestTemplateFiles.clear();
    modelTestTemplateFiles.clear();
    apiDocTemplateFiles.clear();
    modelDocTemplateFiles.clear();

    // Uploads and downloads are bytes: the SDK's request bodies are replayable byte arrays.
    typeMapping.put("file", "byte[]");
    typeMapping.put("binary", "byte[]");
    // Stock escapes "file" (to "_file") for templates that import java.io.File; ours never do.
    reservedWords.remove("file");
    boolean generateBaseModels = Boolean.parseBoolean(String.valueOf(additionalProperties.get(GENERATE_BASE_MODELS)));
    BaseSchemas.mapTo(baseSchemaNames, !generateBaseModels, schemaMapping, importMapping);
    // oneOf models become interfaces their variants implement; PolymorphicModels does the rest
    setUseOneOfInterfaces(true);
  }

  /** Describes oneOf, anyOf and discriminated models for the templates (see {@link PolymorphicModels}). */
  @Override
  public Map<String, ModelsMap> postProcessAllModels(Map<String, ModelsMap> objs) {
    Map<String, ModelsMap> result = super.postProcessAllModels(objs);
    Map<String, CodegenModel> models = new java.util.TreeMap<>(); // by name, so the output never varies
    for (ModelsMap modelsMap : result.values()) {
      modelsMap.getModels().forEach(model -> models.put(model.getModel().classname, model.getModel()));
    }
    if (PolymorphicModels.describe(models)) {
      String folder = (sourceFolder + File.separator + modelPackage).replace('.', File.separatorChar);
      supportingFiles.add(new SupportingFile("OneOfReader.mustache", folder, "OneOfReader.java"));
    }
    return result;
  }

  /**
   * First removes the spec's vendor extensions that no template may see (see {@link SpecExtensions}):
   * unless {@value #ALLOW_SPEC_CODE} is {@code true}, no spec text becomes code.
   */
  @Override
  public void preprocessOpenAPI(OpenAPI openAPI) {
    SpecExtensions.strip(openAPI,
        Boolean.parseBoolean(String.valueOf(additionalProperties.get(ALLOW_SPEC_CODE))));
    super.preprocessOpenAPI(openAPI);
    BaseSchemas.pruneCoveredByMapped(openAPI, schemaMapping.keySet());
    if (FormBodies.usedBy(openAPI)) {
      String folder = (sourceFolder + File.separator + apiPackage).replace('.', File.separatorChar);
      supportingFiles.add(new SupportingFile("FormBody.mustache", folder, "FormBody.java"));
    }
  }

  /** A result type named only by {@code x-sogno-job-result} is in no response, so not imported yet. */
  private void importDeclaredJobResult(CodegenOperation operation, OperationsMap operations) {
    Object declared = operation.vendorExtensions.get("x-sogno-job-result");
    if (!(declared instanceof String) || schemaMapping.containsKey(declared)) {
      return;
    }
    String modelName = toModelName((String) declared);
    if (!modelName.equals(jobResultType((String) declared))) {
      return; // an alias of a primitive or container type: nothing to import
    }
    importModel(modelName, operations);
  }

  private void importModel(String modelName, OperationsMap operations) {
    String modelImport = toModelImport(modelName);
    boolean present = operations.getImports().stream().anyMatch(i -> modelImport.equals(i.get("import")));
    if (!present) {
      operations.getImports().add(Map.of("import", modelImport, "classname", modelName));
    }
  }

  /**
   * The Java type of the schema {@code x-sogno-job-result} names: a mapped type, the schema's model,
   * or, for a schema that is an alias ({@code type: string}, an array, …), the type it stands for,
   * since no model class is generated for an alias.
   *
   * @throws IllegalArgumentException if no schema of {@code components/schemas} has that name
   */
  String jobResultType(String schemaName) {
    if (schemaMapping.containsKey(schemaName)) {
      return schemaMapping.get(schemaName);
    }
    if (ModelUtils.getSchema(openAPI, schemaName) == null) {
      throw new IllegalArgumentException("x-sogno-job-result names '" + schemaName
          + "', which is not a schema of components/schemas");
    }
    Schema<?> reference = new Schema<>().$ref("#/components/schemas/" + schemaName);
    return getTypeDeclaration(ModelUtils.unaliasSchema(openAPI, reference));
  }

  /**
   * A schema named like a type the API classes import ({@code ApiRequest}, {@code Objects}, …) gets
   * the stock {@code Model} prefix, so the imports never clash.
   */
  @Override
  public String toModelName(String name) {
    String modelName = super.toModelName(name);
    return API_CLASS_IMPORTS.contains(modelName) ? "Model" + modelName : modelName;
  }

  @Override
  protected ImmutableMap.Builder<String, Mustache.Lambda> addMustacheLambdas() {
    return super.addMustacheLambdas().put("javadoc", new JavadocText())
        .put("javaString", (fragment, out) -> out.write(JavaText.stringContent(fragment.execute())));
  }

  /** Stock names keep line breaks and other characters of a spec name that no identifier may hold. */
  @Override
  public String toVarName(String name) {
    return identifier(super.toVarName(name));
  }

  @Override
  public String toParamName(String name) {
    return identifier(super.toParamName(name));
  }

  private static String identifier(String name) {
    return name == null ? null : name.replaceAll("\\p{Cntrl}|[^\\p{javaJavaIdentifierPart}]", "");
  }

  /**
   * Spec text the stock model templates paste into string literals or identifiers: the wire name
   * becomes string-literal content ({@link JavaText#stringContent}), the constant's name a Java
   * identifier.
   */
  @Override
  public void postProcessModelProperty(CodegenModel model, CodegenProperty property) {
    super.postProcessModelProperty(model, property);
    property.baseName = JavaText.stringContent(property.baseName);
    if (property.nameInSnakeCase != null) {
      property.nameInSnakeCase = property.nameInSnakeCase.replaceAll("[^A-Za-z0-9_]", "_");
    }
  }

  /** Stock prints a donation banner to stdout here, in the middle of a Maven build's log. */
  @Override
  public void postProcess() {
    // nothing to add after generation
  }

  @Override
  public OperationsMap postProcessOperationsWithModels(OperationsMap objs, List<ModelMap> allModels) {
    OperationsMap result = super.postProcessOperationsWithModels(objs, allModels);
    Map<String, CodegenModel> models = new java.util.HashMap<>();
    allModels.forEach(model -> models.put(model.getModel().classname, model.getModel()));
    for (CodegenOperation operation : result.getOperations().getOperation()) {
      OperationSignature.describe(operation);
      SuccessResponses.of(operation, this::jobResultType).describeInto(operation.vendorExtensions);
      RequestParts.describe(operation);
      PagedOperations.describe(operation, models);
      Object itemType = operation.vendorExtensions.get("x-sogno-page-item-type");
      if (itemType instanceof String && models.containsKey(itemType)) {
        importModel((String) itemType, result); // the items' model may be in no response of its own
      }
      importDeclaredJobResult(operation, result);
    }
    return result;
  }
}
