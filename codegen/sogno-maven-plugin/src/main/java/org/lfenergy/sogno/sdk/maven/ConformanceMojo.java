package org.lfenergy.sogno.sdk.maven;

import java.io.File;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.lfenergy.sogno.sdk.conformance.ConformanceChecker;
import org.lfenergy.sogno.sdk.conformance.ConformanceConfig;
import org.lfenergy.sogno.sdk.conformance.ConformanceException;
import org.lfenergy.sogno.sdk.conformance.ConformanceFinding;
import org.lfenergy.sogno.sdk.conformance.ConformanceReport;
import org.lfenergy.sogno.sdk.lint.Level;
import org.lfenergy.sogno.sdk.lint.ReportFormat;

/**
 * Checks a running service against its spec and the SOGNO API guidelines with generated requests
 * (sogno-sdk-conformance) and prints every finding with its {@code curl} reproduction. Fails the
 * build when one is of a MUST rule; the report is written as SARIF 2.1.0.
 *
 * <p>Needs no POM: {@code mvn org.lfenergy.sogno:sogno-maven-plugin:<version>:conformance
 * -Dsogno.url=http://localhost:8080 -Dsogno.spec=openapi.yaml} checks a service from any folder (the
 * report then goes to {@code ./target/sogno-conformance/<spec name>.sarif}). The bearer token comes
 * from {@code -Dsogno.token} or the environment variable {@code SOGNO_TOKEN} and never appears in the
 * output.
 */
@Mojo(name = "conformance", threadSafe = true, requiresProject = false)
public class ConformanceMojo extends SpecCheckMojo {

  /** The running service's base URL. */
  @Parameter(property = "sogno.url", required = true)
  private String url;

  /** A bearer token; by default the environment variable {@code SOGNO_TOKEN}. */
  @Parameter(property = "sogno.token")
  private String token;

  /** At most this many requests. */
  @Parameter(property = "sogno.conformance.budget", defaultValue = "2000")
  private int budget;

  /** No request after this long: ISO-8601 ({@code PT2M}) or seconds. */
  @Parameter(property = "sogno.conformance.timeLimit", defaultValue = "PT2M")
  private String timeLimit;

  /** A fixed random seed, for a reproducible run. */
  @Parameter(property = "sogno.conformance.seed")
  private Long seed;

  /** Where the SARIF report goes. */
  @Parameter(property = "sogno.conformance.report",
      defaultValue = "${project.build.directory}/sogno-conformance/${project.artifactId}.sarif", required = true)
  private File report;

  /** Skips the check. */
  @Parameter(property = "sogno.conformance.skip", defaultValue = "false")
  private boolean skip;

  public ConformanceMojo() {
    super("conformance");
  }

  @Override
  boolean skipped() {
    return skip;
  }

  @Override
  void check() throws MojoExecutionException, MojoFailureException {
    ConformanceReport result;
    try {
      result = ConformanceChecker.builder().baseUrl(url).spec(spec.toPath())
          .bearerToken(token != null ? token : System.getenv("SOGNO_TOKEN")).config(config()).build().check();
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("Invalid sogno:conformance configuration: " + e.getMessage(), e);
    } catch (ConformanceException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    for (ConformanceFinding finding : result.findings()) {
      if (finding.level() == Level.MUST) {
        getLog().error(finding.format());
      } else {
        getLog().warn(finding.format());
      }
    }
    getLog().info(result.summary());
    File sarif = writeReport(report, file -> ReportFormat.write(file, result.render(ReportFormat.SARIF)));
    if (result.failed()) {
      throw new MojoFailureException(result.failures().size() + " MUST finding(s) checking " + url + " against " + spec
          + " (listed above; report " + sarif + ")");
    }
  }

  private ConformanceConfig config() {
    ConformanceConfig.Builder config = ConformanceConfig.builder().requestBudget(budget);
    try {
      String limit = timeLimit.trim();
      config.timeLimit(limit.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(limit)) : Duration.parse(limit));
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException("timeLimit must be ISO-8601 (PT2M) or seconds: " + timeLimit, e);
    }
    if (seed != null) {
      config.seed(seed);
    }
    return config.build();
  }
}
