package org.lfenergy.sogno.sdk.codegen;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.io.File;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openapitools.codegen.CodegenModel;
import org.openapitools.codegen.CodegenOperation;
import org.openapitools.codegen.SupportingFile;
import org.openapitools.codegen.model.ModelMap;
import org.openapitools.codegen.model.OperationsMap;

/**
 * The {@code sogno-java-server} generator: the server half of a spec on {@code sogno-sdk-server}. Per tag a
 * {@code <Tag>Handler} interface with one method per operation, taking a typed request record (path,
 * query and header parameters and the body, bound from the runtime's validated request) and returning a
 * typed response (a factory per documented 2xx status); a static {@code register} wires an
 * implementation into a {@code SognoServer.Builder}. An operation whose {@code 202} answer is the base
 * spec's {@code Job} gets an {@code accepted(kind, work)} factory: the runtime submits the typed work to
 * its {@code JobManager}. Models are the client's (same templates, same names), so one spec can give both
 * sides in one package tree.
 *
 * <p>Operations the runtime serves itself are left out: the base spec's health probes and, with a job
 * manager, its job paths. Single-use and not thread-safe, like every OpenAPI Generator config.
 */
public class SognoJavaServerCodegen extends SognoJavaClientCodegen {
  /** The generator name to pass as {@code -g} / {@code generatorName}. */
  public static final String NAME = "sogno-java-server";

  /**
   * Operations {@code sogno-sdk-server} answers without a handler: the base spec's health probes and
   * job paths (its {@code BuiltIns} and {@code JobBridge}).
   */
  static final Set<String> SERVED_BY_RUNTIME =
      Set.of("getLiveness", "getReadiness", "getJob", "cancelJob", "getJobResult");

  /** Creates the generator with the SDK's defaults; options from the caller are applied later. */
  public SognoJavaServerCodegen() {
    super();
    apiPackage = invokerPackage + ".server";
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public String getHelp() {
    return "Generates typed server handler interfaces on sogno-sdk-server (validation, routing, problems, jobs).";
  }

  @Override
  public void processOpts() {
    super.processOpts();
    setApiNameSuffix("Handler");
    apiTemplateFiles.clear();
    apiTemplateFiles.put("serverHandler.mustache", ".java");
  }

  @Override
  public void preprocessOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() != null) {
      openAPI.getPaths().values().removeIf(SognoJavaServerCodegen::servedByRuntime);
    }
    super.preprocessOpenAPI(openAPI);
    String folder = (sourceFolder + File.separator + apiPackage).replace('.', File.separatorChar);
    supportingFiles.removeIf(f -> "FormBody.mustache".equals(f.getTemplateFile()));
    supportingFiles.add(new SupportingFile("ServerParameters.mustache", folder, "ServerParameters.java"));
  }

  /** Drops the path item's operations the runtime serves; true when none is left. */
  private static boolean servedByRuntime(PathItem item) {
    for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
      if (SERVED_BY_RUNTIME.contains(entry.getValue().getOperationId())) {
        item.operation(entry.getKey(), null);
      }
    }
    return item.readOperations().isEmpty();
  }

  /**
   * An operation with several tags goes to its first tag's handler only: the runtime takes one handler
   * per {@code operationId}, so registering two interfaces that both declared it would fail.
   */
  @Override
  public void addOperationToGroup(String tag, String resourcePath, Operation operation, CodegenOperation co,
      Map<String, List<CodegenOperation>> operations) {
    List<String> tags = operation.getTags();
    if (tags == null || tags.isEmpty() || sanitizeTag(tags.get(0)).equals(tag)) {
      super.addOperationToGroup(tag, resourcePath, operation, co, operations);
    }
  }

  @Override
  public OperationsMap postProcessOperationsWithModels(OperationsMap objs, List<ModelMap> allModels) {
    OperationsMap result = super.postProcessOperationsWithModels(objs, allModels);
    Set<String> modelNames = new HashSet<>();
    Set<String> enumModels = new HashSet<>();
    for (ModelMap map : allModels) {
      CodegenModel model = map.getModel();
      modelNames.add(model.classname);
      if (model.isEnum) {
        enumModels.add(model.classname);
      }
    }
    for (CodegenOperation operation : result.getOperations().getOperation()) {
      ServerOperations.describe(operation, modelNames, enumModels, this::jobResultType);
    }
    return result;
  }
}
