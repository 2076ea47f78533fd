package org.lfenergy.sogno.sdk.conformance;

import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.lfenergy.sogno.sdk.core.Authentication;

/**
 * JUnit 5 access to the checker for a service's own tests (test scope; bring
 * {@code junit-jupiter-api} yourself):
 *
 * <pre>{@code
 * @RegisterExtension
 * static ConformanceExtension conformance = ConformanceExtension.forSpec(Path.of("src/main/resources/openapi.yaml"));
 *
 * @Test
 * void conformsToItsSpecAndTheGuidelines() {
 *   conformance.assertConforms(server.baseUri().toString());
 * }
 * }</pre>
 *
 * <p>{@link #assertConforms} runs the checker against the running service, publishes the report's
 * summary as a JUnit report entry, and fails the test with every finding (and its {@code curl}
 * reproduction) when a MUST rule is broken. Its settings are immutable (the {@code with…} methods
 * return copies); the test whose report entries it writes is kept per thread, so tests may run in
 * parallel.
 */
public final class ConformanceExtension implements BeforeEachCallback, AfterEachCallback {
  private final Path spec;
  private final Authentication authentication;
  private final ConformanceConfig config;
  private final ThreadLocal<ExtensionContext> context = new ThreadLocal<>();

  private ConformanceExtension(Path spec, Authentication authentication, ConformanceConfig config) {
    this.spec = spec;
    this.authentication = authentication;
    this.config = config;
  }

  /** An extension checking against {@code spec} with the default config and no credentials. */
  public static ConformanceExtension forSpec(Path spec) {
    return new ConformanceExtension(Objects.requireNonNull(spec, "spec"), Authentication.NONE,
        ConformanceConfig.defaults());
  }

  /** A copy sending {@code bearerToken} (never shown in findings); null or blank for none. */
  public ConformanceExtension withBearerToken(String bearerToken) {
    return new ConformanceExtension(spec, bearerToken == null || bearerToken.isBlank() ? Authentication.NONE
        : Authentication.bearer(bearerToken.trim()), config);
  }

  /** A copy sending any sdk-core credentials, e.g. OAuth2 client credentials. */
  public ConformanceExtension withAuthentication(Authentication credentials) {
    return new ConformanceExtension(spec, Objects.requireNonNull(credentials, "authentication"), config);
  }

  /** A copy with another budget, time limit, generation or seed. */
  public ConformanceExtension withConfig(ConformanceConfig conformanceConfig) {
    return new ConformanceExtension(spec, authentication, Objects.requireNonNull(conformanceConfig, "config"));
  }

  @Override
  public void beforeEach(ExtensionContext extensionContext) {
    context.set(extensionContext);
  }

  @Override
  public void afterEach(ExtensionContext extensionContext) {
    context.remove();
  }

  /**
   * Checks the service at {@code baseUrl} and returns the report.
   *
   * @throws AssertionError listing every finding when one of a MUST rule is among them
   * @throws ConformanceException if the spec cannot be read or nothing answers at {@code baseUrl}
   */
  public ConformanceReport assertConforms(String baseUrl) {
    ConformanceReport report = ConformanceChecker.builder().baseUrl(baseUrl).spec(spec)
        .authentication(authentication).config(config).build().check();
    ExtensionContext test = context.get();
    if (test != null) {
      test.publishReportEntry("sogno-conformance", report.summary());
    }
    if (report.failed()) {
      throw new AssertionError("The service does not conform:\n" + report.format());
    }
    return report;
  }
}
