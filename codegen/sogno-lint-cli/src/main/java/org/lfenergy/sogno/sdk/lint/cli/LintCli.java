package org.lfenergy.sogno.sdk.lint.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.lfenergy.sogno.sdk.lint.LintReport;
import org.lfenergy.sogno.sdk.lint.Linter;
import org.lfenergy.sogno.sdk.lint.ReportFormat;
import org.lfenergy.sogno.sdk.lint.SpecCompatibility;
import org.lfenergy.sogno.sdk.lint.cli.internal.Options;

/**
 * The SOGNO lint command line: lints OpenAPI 3.0/3.1, Swagger 2.0 and AsyncAPI 2.x/3.0 specs against
 * the SOGNO API guidelines and writes one report in the chosen format ({@code text}, {@code json},
 * {@code sarif}, {@code junit}, {@code github}, {@code gitlab}). {@code --help} lists the options.
 *
 * <p>Exit status: {@link #OK} when no active finding is at or above {@code --fail-on}, {@link #FINDINGS}
 * when some is, {@link #USAGE} for a usage error, an unreadable spec or an unwritable {@code --output}
 * (the message on {@code err} names it). Never throws for bad input and never calls
 * {@code System.exit}, so tests run it in-process; {@link Main} is the process entry point.
 * Stateless and thread-safe.
 */
public final class LintCli {

    /** Exit status: no finding at or above the fail-on level. */
    public static final int OK = 0;
    /** Exit status: at least one active finding at or above the fail-on level. */
    public static final int FINDINGS = 1;
    /** Exit status: usage error, unreadable spec or unwritable output. */
    public static final int USAGE = 2;

    private LintCli() {
    }

    /**
     * Runs the command line: the report goes to {@code out} (or {@code --output}), messages and
     * per-spec summaries of machine-readable formats to {@code err}.
     *
     * @return {@link #OK}, {@link #FINDINGS} or {@link #USAGE}
     * @throws NullPointerException if an argument is null
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Objects.requireNonNull(args, "args");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("sogno-lint: " + e.getMessage());
            err.println("Try 'sogno-lint --help' for the options.");
            return USAGE;
        }
        return lint(options, out, err);
    }

    private static int lint(Options options, PrintStream out, PrintStream err) {
        if (options.help()) {
            out.print(Options.usage());
            out.flush();
            return OK;
        }
        if (options.version()) {
            out.println("sogno-lint-cli " + Options.toolVersion());
            out.flush();
            return OK;
        }
        List<Path> inputs = new java.util.ArrayList<>(options.specs());
        if (options.compatWith() != null) {
            inputs.add(options.compatWith());
        }
        for (Path spec : inputs) {
            String unreadable = unreadable(spec);
            if (unreadable != null) {
                return usage(err, "cannot read " + spec + ": " + unreadable);
            }
        }
        Linter linter = options.linter();
        List<LintReport> reports = options.compatWith() != null
                ? List.of(SpecCompatibility.defaults().compare(options.compatWith(), options.specs().get(0)))
                : options.specs().stream().map(linter::lint).toList();
        String report = options.format().render(reports, "sogno-lint", Options.toolVersion());
        boolean summariesOnErr = options.output() != null || !options.format().isText();
        if (options.output() != null) {
            try {
                ReportFormat.write(options.output(), report);
            } catch (UncheckedIOException e) {
                return usage(err, "cannot write --output " + options.output() + ": " + e.getCause());
            }
        } else {
            out.print(report);
            out.flush();
        }
        if (summariesOnErr) {
            reports.forEach(r -> err.println(r.summary()));
        }
        return reports.stream().anyMatch(LintReport::failed) ? FINDINGS : OK;
    }

    private static int usage(PrintStream err, String message) {
        err.println("sogno-lint: " + message);
        return USAGE;
    }

    /** Why the spec cannot be read, or null when it can. */
    private static String unreadable(Path spec) {
        if (!Files.exists(spec)) {
            return "no such file";
        }
        if (!Files.isRegularFile(spec)) {
            return "not a regular file";
        }
        return Files.isReadable(spec) ? null : "permission denied";
    }
}
