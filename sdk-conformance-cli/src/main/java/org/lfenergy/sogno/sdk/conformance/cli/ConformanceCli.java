package org.lfenergy.sogno.sdk.conformance.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Objects;
import org.lfenergy.sogno.sdk.conformance.ConformanceCheck;
import org.lfenergy.sogno.sdk.conformance.ConformanceChecker;
import org.lfenergy.sogno.sdk.conformance.ConformanceException;
import org.lfenergy.sogno.sdk.conformance.ConformanceReport;
import org.lfenergy.sogno.sdk.conformance.cli.internal.Options;
import org.lfenergy.sogno.sdk.lint.ReportFormat;

/**
 * The conformance command line: checks the service at {@code --url} against {@code --spec} and writes
 * one report in the chosen format ({@code text}, {@code json}, {@code sarif}, {@code junit},
 * {@code github}, {@code gitlab}); the run's summary goes to {@code err}. {@code --help} lists the
 * options.
 *
 * <p>Exit status: {@link #OK} without MUST findings, {@link #FINDINGS} with, {@link #USAGE} for a
 * usage error, an unreadable or unusable spec, nothing answering at the URL, or an unwritable
 * {@code --output} (the message on {@code err} says which). Never calls {@code System.exit}, so
 * tests run it in-process; {@link Main} is the process entry point. Stateless and thread-safe.
 */
public final class ConformanceCli {
  /** Exit status: no MUST finding. */
  public static final int OK = 0;
  /** Exit status: at least one MUST finding. */
  public static final int FINDINGS = 1;
  /** Exit status: usage error, unusable spec, nothing answering, or unwritable output. */
  public static final int USAGE = 2;

  private ConformanceCli() {
  }

  /**
   * Runs the command line.
   *
   * @param env the environment ({@code SOGNO_TOKEN} is read from it)
   * @return {@link #OK}, {@link #FINDINGS} or {@link #USAGE}
   * @throws NullPointerException if an argument is null
   */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    Objects.requireNonNull(args, "args");
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    Options options;
    try {
      options = Options.parse(args, env);
    } catch (IllegalArgumentException e) {
      err.println("sogno-conformance: " + e.getMessage());
      err.println("Try 'sogno-conformance --help' for the options.");
      return USAGE;
    }
    if (options.help()) {
      out.print(Options.usage());
      out.flush();
      return OK;
    }
    if (options.version()) {
      String version = ConformanceCli.class.getPackage().getImplementationVersion();
      out.println("sogno-sdk-conformance-cli " + (version == null ? "dev" : version));
      out.flush();
      return OK;
    }
    return check(options, out, err);
  }

  private static int check(Options options, PrintStream out, PrintStream err) {
    ConformanceReport report;
    try {
      report = ConformanceChecker.builder().baseUrl(options.url()).spec(options.spec()).authentication(options.authentication())
          .config(options.config()).build().check();
    } catch (IllegalArgumentException | ConformanceException e) {
      err.println("sogno-conformance: " + e.getMessage());
      return USAGE;
    }
    String rendered = report.render(options.format());
    if (options.output() != null) {
      try {
        ReportFormat.write(options.output(), rendered);
      } catch (UncheckedIOException e) {
        err.println("sogno-conformance: cannot write --output " + options.output() + ": " + e.getCause());
        return USAGE;
      }
    } else {
      out.print(rendered);
      out.flush();
    }
    err.println(report.summary());
    boolean unusableSpec = report.requestsSent() == 0
        && report.findings().stream().anyMatch(f -> f.check() == ConformanceCheck.SPEC_LOADS);
    if (unusableSpec) {
      return USAGE;
    }
    return report.failed() ? FINDINGS : OK;
  }
}
