package org.lfenergy.sogno.sdk.conformance;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.lfenergy.sogno.sdk.conformance.internal.CheckRun;
import org.lfenergy.sogno.sdk.conformance.internal.SpecDocument;
import org.lfenergy.sogno.sdk.core.Authentication;
import org.lfenergy.sogno.sdk.lint.Finding;
import org.lfenergy.sogno.sdk.lint.LoadedSpec;
import org.lfenergy.sogno.sdk.lint.SpecLoader;

/**
 * Checks a running service against its OpenAPI spec and the SOGNO API guidelines, from outside: it
 * needs only the base URL and the spec, so the service may be written in any language.
 *
 * <pre>{@code
 * ConformanceReport report = ConformanceChecker.builder()
 *     .baseUrl("http://localhost:8080")
 *     .spec(Path.of("openapi.yaml"))
 *     .bearerToken(System.getenv("SOGNO_TOKEN"))      // optional; or .authentication(Authentication.oauth2(…))
 *     .build()
 *     .check();
 * }</pre>
 *
 * <p>A run sends the health probes, a wrong method on every path, and for every operation the spec's
 * example, requests generated from the parameter and body schemas (jqwik), a request without
 * credentials when the operation is secured, and invalid requests breaking one constraint each; it
 * follows a started job to its end. Each answer goes through the checks of {@link ConformanceCheck}.
 * Requests go only to the base URL's origin, within {@link ConformanceConfig#requestBudget()} and
 * {@link ConformanceConfig#timeLimit()}; a run stops on its own.
 *
 * <p>Immutable and thread-safe; each {@link #check()} is an independent run.
 */
public final class ConformanceChecker {
  private final URI baseUrl;
  private final Path spec;
  private final Authentication authentication;
  private final ConformanceConfig config;

  private ConformanceChecker(Builder builder) {
    this.baseUrl = builder.baseUrl;
    this.spec = builder.spec;
    this.authentication = builder.authentication;
    this.config = builder.config;
  }

  /** A builder; {@code baseUrl} and {@code spec} are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Runs the checks. A spec that does not load is reported ({@link ConformanceCheck#SPEC_LOADS}, with
   * file and line) and nothing is sent.
   *
   * @throws ConformanceException if the spec file cannot be read, nothing answers at the base URL, or
   *     the credentials cannot be obtained
   */
  public ConformanceReport check() {
    if (!Files.isRegularFile(spec) || !Files.isReadable(spec)) {
      throw new ConformanceException("Cannot read the spec " + spec, null);
    }
    LoadedSpec loaded = SpecLoader.defaults().load(spec);
    List<ConformanceFinding> findings = new ArrayList<>();
    for (Finding f : loaded.findings()) {
      findings.add(new ConformanceFinding(ConformanceCheck.SPEC_LOADS, "spec", "a valid OpenAPI document",
          f.message(), "", f.file() + ":" + f.line()));
    }
    if (loaded.openApi().isEmpty()) {
      return new ConformanceReport(loaded.fileName(), baseUrl.toString(), findings, 0, "the spec does not load");
    }
    CheckRun.Result result;
    try {
      result = new CheckRun(SpecDocument.of(loaded), baseUrl, authentication, config).run();
    } catch (IllegalStateException | IllegalArgumentException | ClassCastException e) {
      findings.add(new ConformanceFinding(ConformanceCheck.SPEC_LOADS, "spec", "a usable OpenAPI document",
          String.valueOf(e.getMessage()), "", loaded.fileName() + ":1"));
      return new ConformanceReport(loaded.fileName(), baseUrl.toString(), findings, 0, "the spec cannot be used");
    }
    result.findings().stream().filter(f -> !config.ignoredRules().contains(f.ruleId())).forEach(findings::add);
    return new ConformanceReport(loaded.fileName(), baseUrl.toString(), findings, result.requestsSent(),
        result.stoppedEarly());
  }

  @Override
  public String toString() {
    return "ConformanceChecker[" + baseUrl + ", " + spec + ", credentials " + (authentication == Authentication.NONE ? "none" : "set") + ", "
        + config + "]";
  }

  /** Builds a {@link ConformanceChecker}. Not thread-safe. */
  public static final class Builder {
    private URI baseUrl;
    private Path spec;
    private Authentication authentication = Authentication.NONE;
    private ConformanceConfig config = ConformanceConfig.defaults();

    private Builder() {
    }

    /**
     * The service's base URL; the spec's paths are appended to its path.
     *
     * @throws IllegalArgumentException if it is not an absolute http or https URL
     */
    public Builder baseUrl(String url) {
      Objects.requireNonNull(url, "baseUrl");
      URI uri;
      try {
        uri = URI.create(url.trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("baseUrl must be an http or https URL: " + url, e);
      }
      if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
          || uri.getRawQuery() != null || uri.getRawFragment() != null) {
        throw new IllegalArgumentException("baseUrl must be an http or https URL without query: " + url);
      }
      this.baseUrl = uri;
      return this;
    }

    /** The service's spec: OpenAPI 3.0/3.1 or Swagger 2.0, base-spec references resolved offline. */
    public Builder spec(Path file) {
      this.spec = Objects.requireNonNull(file, "spec");
      return this;
    }

    /** The bearer token sent with every request but the one testing refusal; null or blank for none. */
    public Builder bearerToken(String bearerToken) {
      this.authentication = bearerToken == null || bearerToken.isBlank() ? Authentication.NONE
          : Authentication.bearer(bearerToken.trim());
      return this;
    }

    /**
     * Any credentials of sdk-core, e.g. {@code Authentication.oauth2(OAuth2ClientCredentials…)}: the
     * token is fetched from the token endpoint (any origin) and sent to the service only.
     */
    public Builder authentication(Authentication credentials) {
      this.authentication = Objects.requireNonNull(credentials, "authentication");
      return this;
    }

    /** Budget, time limit, generation and seed. */
    public Builder config(ConformanceConfig conformanceConfig) {
      this.config = Objects.requireNonNull(conformanceConfig, "config");
      return this;
    }

    /**
     * The checker.
     *
     * @throws IllegalStateException if the base URL or the spec is not set
     */
    public ConformanceChecker build() {
      if (baseUrl == null || spec == null) {
        throw new IllegalStateException("baseUrl and spec are required");
      }
      return new ConformanceChecker(this);
    }
  }
}
