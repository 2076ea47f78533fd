package snippets;

import io.swagger.v3.oas.models.OpenAPI;
import java.io.File;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.codegen.SognoGenerator;
import org.lfenergy.sogno.sdk.core.SognoClient;
import org.lfenergy.sogno.sdk.lint.LintReport;
import org.lfenergy.sogno.sdk.lint.Linter;
import org.lfenergy.sogno.sdk.lint.LoadedSpec;
import org.lfenergy.sogno.sdk.lint.SpecLoader;
import org.lfenergy.sogno.sdk.platform.api.HealthApi;
import org.lfenergy.sogno.sdk.platform.api.JobsApi;
import org.lfenergy.sogno.sdk.platform.model.Health;
import org.lfenergy.sogno.sdk.spec.BaseSpec;

/** The READMEs under codegen/. */
class CodegenSnippets {
  void baseSpec(String ref) {
    // snippet-start:api-spec
    String yaml = BaseSpec.text();                 // the bundled copy
    URL url = BaseSpec.resource();                 // jar:…!/org/lfenergy/sogno/sdk/spec/v1/openapi.yaml
    boolean base = BaseSpec.isBaseReference(ref);  // does a $ref point into it?
    // snippet-end:api-spec
  }

  void lint() throws Exception {
    // snippet-start:lint
    LintReport report = Linter.defaults().lint(Path.of("src/main/openapi/powerflow.yaml"));
    report.lines().forEach(System.out::println);
    // SOGNO-200 MUST src/main/openapi/powerflow.yaml:12 Path '/simulation' has no major version prefix; use '/v1/simulation'
    report.writeSarif(Path.of("target/sogno-lint.sarif"));    // SARIF 2.1.0
    if (report.failed()) {                                     // an active finding at or above the threshold
        throw new IllegalStateException(report.summary());
    }
    // snippet-end:lint
  }

  void load() throws Exception {
    // snippet-start:load
    LoadedSpec spec = SpecLoader.defaults().load(Path.of("src/main/openapi/powerflow.yaml"));
    spec.findings();              // load problems (SOGNO-101) with file:line; empty when all went well
    OpenAPI api = spec.openApi().orElseThrow();   // base references resolved, Swagger 2.0 converted
    spec.baseSchemaNames();       // e.g. [Job, JobStatus, Problem, …]: map these to SDK classes
    spec.writeResolved(Path.of("target/powerflow.resolved.yaml"));  // self-contained copy
    // snippet-end:load
  }

  void generate() {
    // snippet-start:generator
    List<File> written = SognoGenerator.builder()
        .overlay(Path.of("src/main/openapi/powerflow.overlay.yaml"))   // optional, repeatable: see below
        .basePackage("com.acme.powerflow.client")          // → ….api and ….model
        .outputDirectory(Path.of("target/generated-sources/sogno"))
        .build()
        .generate(Path.of("src/main/openapi/powerflow.yaml"));
    // snippet-end:generator
  }

  void platformClient(UUID jobId) {
    // snippet-start:platform-client
    SognoClient client = SognoClient.builder().baseUrl("https://grid.example/api/powerflow").build();
    JobsApi jobs = new JobsApi(client);
    Job job = jobs.getJob(jobId, JobsApi.GetJobOptions.defaults().prefer("wait=10"));  // long poll: answers when terminal or after 10 s
    if (!job.isTerminal()) {
      jobs.cancelJob(jobId);                  // sends a fresh Idempotency-Key
    }
    Job now = jobs.getJob(jobId);                         // optional parameters left out
    Health ready = new HealthApi(client).getReadiness();
    // snippet-end:platform-client
  }
}
