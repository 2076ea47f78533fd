package org.lfenergy.sogno.sdk.maven;

import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the goals that check a spec share ({@code lint}, {@code compat}, {@code conformance}): the
 * spec, the folder Maven was started in (they need no POM), skipping, and the SARIF report's place.
 * Each goal declares its own {@code skip} parameter, so that it keeps its own property. Public only
 * because the goals are; its constructor is package-private, so no goal outside this plugin extends it.
 */
public abstract class SpecCheckMojo extends AbstractMojo {

  /** The spec (YAML or JSON; OpenAPI 3.0, 3.1, or Swagger 2.0 which is converted). */
  @Parameter(property = "sogno.spec", required = true)
  File spec;

  /** Where Maven was started: relative paths are resolved against it, and without a POM files go below it. */
  @Parameter(defaultValue = "${session.executionRootDirectory}", readonly = true)
  File executionRoot;

  private final String goal;

  SpecCheckMojo(String goal) {
    this.goal = goal;
  }

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skipped()) {
      getLog().info("sogno:" + goal + " skipped");
      return;
    }
    Directories.requireSpec(spec);
    check();
  }

  /** Whether the goal's {@code skip} parameter is set. */
  abstract boolean skipped();

  /** Runs the check; the spec exists. */
  abstract void check() throws MojoExecutionException, MojoFailureException;

  /**
   * Writes the goal's SARIF report with {@code write} to {@code report} (without a POM, to
   * {@code target/sogno-<goal>/<spec name>.sarif} below {@link #executionRoot}) and logs where.
   *
   * @return the file written
   * @throws MojoExecutionException naming the file when it cannot be written
   */
  File writeReport(File report, Consumer<Path> write) throws MojoExecutionException {
    File sarif = Directories.reportFile(report, executionRoot, spec, "sogno-" + goal);
    try {
      write.accept(sarif.toPath());
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException("Cannot write the " + goal + " report " + sarif + ": " + e.getMessage(), e);
    }
    getLog().info("Report: " + sarif);
    return sarif;
  }
}
