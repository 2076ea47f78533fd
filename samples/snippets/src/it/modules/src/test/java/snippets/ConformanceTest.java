import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lfenergy.sogno.sdk.conformance.ConformanceExtension;

class ConformanceTest {
  @RegisterExtension
  static ConformanceExtension conformance = ConformanceExtension.forSpec(Path.of("src/main/resources/openapi.yaml"))
      .withBearerToken(System.getenv("SOGNO_TOKEN"));        // optional; null or blank sends none

  @Test
  void conformsToItsSpecAndTheGuidelines() {
    conformance.assertConforms("http://localhost:8080");     // the service the test started; AssertionError lists findings
  }
}
