package org.lfenergy.sogno.sdk.maven;

import java.io.File;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.lfenergy.sogno.sdk.lint.Level;
import org.lfenergy.sogno.sdk.lint.LintReport;
import org.lfenergy.sogno.sdk.lint.Linter;

/**
 * Checks a spec against the SOGNO API guidelines ({@code docs/api-guidelines.md}) and prints one line
 * per finding, {@code RULE-ID LEVEL file:line message}. Fails the build when a finding is at or above
 * {@code failOn} ({@code MUST} by default). Swagger 2.0 specs are converted and linted, not rejected.
 *
 * <p>A finding is suppressed in the spec itself with {@code x-sogno-lint-ignore} and a reason (see the
 * guidelines); suppressed findings are printed with their reason and never fail the build. The full
 * report is written as SARIF 2.1.0 for code-scanning tools.
 *
 * <p>Needs no POM: {@code mvn org.lfenergy.sogno:sogno-maven-plugin:<version>:lint -Dsogno.spec=openapi.json}
 * lints a spec in any folder (the report then goes to {@code ./target/sogno-lint/<spec name>.sarif}).
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true, requiresProject = false)
public class LintMojo extends SpecCheckMojo {

  /**
   * The level at or above which a finding fails the build: {@code MUST}, {@code SHOULD}, {@code MAY},
   * or {@code NONE} to report only.
   */
  @Parameter(property = "sogno.lint.failOn", defaultValue = "MUST")
  private String failOn;

  /** Where the SARIF report goes. */
  @Parameter(property = "sogno.lint.report", defaultValue = "${project.build.directory}/sogno-lint/${project.artifactId}.sarif", required = true)
  private File report;

  /** Rule IDs to turn off for this spec; prefer {@code x-sogno-lint-ignore} with a reason in the spec. */
  @Parameter
  private List<String> disabledRules;

  /** Skips the check. */
  @Parameter(property = "sogno.lint.skip", defaultValue = "false")
  private boolean skip;

  public LintMojo() {
    super("lint");
  }

  @Override
  boolean skipped() {
    return skip;
  }

  @Override
  void check() throws MojoExecutionException, MojoFailureException {
    LintReport result = linter().lint(spec.toPath());
    FindingLines.print(getLog(), result);
    File sarif = writeReport(report, result::writeSarif);
    if (result.failed()) {
      throw new MojoFailureException(result.failures().size() + " finding(s) at or above " + failOn.toUpperCase(Locale.ROOT)
          + " in " + spec + " (listed above; report " + sarif + ")");
    }
  }

  private Linter linter() throws MojoFailureException {
    Linter.Builder builder = Linter.builder();
    try {
      if ("NONE".equalsIgnoreCase(failOn.trim())) {
        builder.neverFail();
      } else {
        builder.failOn(Level.parse(failOn));
      }
      if (disabledRules != null) {
        builder.disable(disabledRules.toArray(String[]::new));
      }
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("Invalid sogno:lint configuration: " + e.getMessage()
          + (e.getMessage().contains("level") ? " (or NONE)" : ""), e);
    }
    return builder.build();
  }

}
