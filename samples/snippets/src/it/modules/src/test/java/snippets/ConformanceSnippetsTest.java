package snippets;

import java.nio.file.Path;
import org.lfenergy.sogno.sdk.conformance.ConformanceChecker;
import org.lfenergy.sogno.sdk.conformance.ConformanceConfig;
import org.lfenergy.sogno.sdk.conformance.ConformanceReport;
import org.lfenergy.sogno.sdk.lint.ReportFormat;

/** sdk-conformance/README.md: the engine without JUnit. */
class ConformanceSnippetsTest {
  String check() {
    // snippet-start:engine
    ConformanceReport report = ConformanceChecker.builder()
        .baseUrl("http://localhost:8080")
        .spec(Path.of("openapi.yaml"))
        .bearerToken(System.getenv("SOGNO_TOKEN"))              // optional; or .authentication(Authentication.oauth2(…))
        .config(ConformanceConfig.builder().seed(42).build())   // optional
        .build()
        .check();                                               // ConformanceException: no spec file, nothing answers
    report.findings().forEach(f -> System.out.println(f.format()));
    String sarif = report.render(ReportFormat.SARIF);           // text, json, sarif, junit, github, gitlab
    // snippet-end:engine
    return sarif;
  }
}
