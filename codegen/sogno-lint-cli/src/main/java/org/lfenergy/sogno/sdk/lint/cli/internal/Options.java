package org.lfenergy.sogno.sdk.lint.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.lfenergy.sogno.sdk.lint.Level;
import org.lfenergy.sogno.sdk.lint.Linter;
import org.lfenergy.sogno.sdk.lint.ReportFormat;

/**
 * The parsed command line. Options take their value as the next argument or after {@code =}
 * ({@code --format sarif}, {@code --format=sarif}); {@code --} ends the options. Immutable.
 */
public final class Options {

    private static final String USAGE = """
            Usage: java -jar sogno-lint-cli.jar [options] SPEC...

            Checks OpenAPI 3.0/3.1 and Swagger 2.0 specs and AsyncAPI 2.x/3.0 documents (YAML or JSON)
            against the SOGNO API guidelines.

            Options:
              --fail-on LEVEL   MUST (default), SHOULD, MAY or NONE: the lowest level of an active
                                finding that makes the exit status 1 (NONE: never)
              --format FORMAT   text (default): RULE-ID LEVEL file:line message
                                json, sarif (SARIF 2.1.0), junit (JUnit XML),
                                github (workflow commands), gitlab (Code Quality report)
              -o, --output FILE write the report to FILE instead of standard output
              --disable RULE    turn a rule off (repeatable, or comma-separated); prefer
                                x-sogno-lint-ignore with a reason in the spec
              --compat-with PREVIOUS
                                instead of linting, compare the one SPEC with its previous
                                version PREVIOUS (a file) for breaking changes (SOGNO-801,
                                MUST within the same major info.version)
              -h, --help        print this help and exit
              -V, --version     print the version and exit

            Exit status: 0 no active finding at or above --fail-on, 1 findings, 2 usage error or
            unreadable file.
            """;

    private final List<Path> specs;
    private final ReportFormat format;
    private final Path output;
    private final Linter linter;
    private final boolean help;
    private final boolean version;
    private final Path compatWith;

    private Options(List<Path> specs, ReportFormat format, Path output, Linter linter, boolean help, boolean version,
            Path compatWith) {
        this.specs = List.copyOf(specs);
        this.format = format;
        this.output = output;
        this.linter = linter;
        this.help = help;
        this.version = version;
        this.compatWith = compatWith;
    }

    /**
     * Parses the arguments.
     *
     * @throws IllegalArgumentException naming the option or value that is wrong, or saying no spec was given
     */
    public static Options parse(String... args) {
        List<Path> specs = new ArrayList<>();
        ReportFormat format = ReportFormat.TEXT;
        Path output = null;
        Linter.Builder linter = Linter.builder();
        boolean help = false;
        boolean version = false;
        boolean optionsEnded = false;
        Path compatWith = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
                specs.add(path(arg, "spec"));
                continue;
            }
            int eq = arg.indexOf('=');
            String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
            String inline = arg.startsWith("--") && eq > 0 ? arg.substring(eq + 1) : null;
            switch (name) {
                case "--" -> optionsEnded = true;
                case "-h", "--help" -> help = true;
                case "-V", "--version" -> version = true;
                case "--fail-on" -> failOn(linter, value(args, i, inline, name));
                case "--format", "-f" -> format = ReportFormat.parse(value(args, i, inline, name));
                case "--output", "-o" -> output = path(value(args, i, inline, name), name);
                case "--compat-with" -> compatWith = path(value(args, i, inline, name), name);
                case "--disable" -> {
                    for (String id : value(args, i, inline, name).split(",")) {
                        linter.disable(id.trim().toUpperCase(Locale.ROOT));
                    }
                }
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
            if (inline == null && takesValue(name)) {
                i++;
            }
        }
        if (specs.isEmpty() && !help && !version) {
            throw new IllegalArgumentException("no spec given");
        }
        if (compatWith != null && specs.size() != 1) {
            throw new IllegalArgumentException("--compat-with compares exactly one spec with its previous version");
        }
        return new Options(specs, format, output, linter.build(), help, version, compatWith);
    }

    private static boolean takesValue(String name) {
        return List.of("--fail-on", "--format", "-f", "--output", "-o", "--disable", "--compat-with").contains(name);
    }

    private static String value(String[] args, int i, String inline, String name) {
        if (inline != null) {
            return inline;
        }
        if (i + 1 >= args.length || args[i + 1].isEmpty()) {
            throw new IllegalArgumentException("option " + name + " needs a value");
        }
        return args[i + 1];
    }

    private static void failOn(Linter.Builder linter, String value) {
        if (value.trim().equalsIgnoreCase("NONE")) {
            linter.neverFail();
            return;
        }
        try {
            linter.failOn(Level.parse(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--fail-on: " + e.getMessage() + " or NONE", e);
        }
    }

    private static Path path(String value, String what) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(what + " '" + value + "' is not a valid path: " + e.getReason(), e);
        }
    }

    /** The specs to lint, in the order given. */
    public List<Path> specs() {
        return specs;
    }

    /** The report format. */
    public ReportFormat format() {
        return format;
    }

    /** The file to write the report to, or null for standard output. */
    public Path output() {
        return output;
    }

    /** The linter configured with {@code --fail-on} and {@code --disable}. */
    public Linter linter() {
        return linter;
    }

    /** The previous version to compare the spec with ({@code --compat-with}), or null to lint. */
    public Path compatWith() {
        return compatWith;
    }

    /** Whether {@code --help} was given. */
    public boolean help() {
        return help;
    }

    /** Whether {@code --version} was given. */
    public boolean version() {
        return version;
    }

    /** The help text. */
    public static String usage() {
        return USAGE;
    }

    /** The tool's version, from the resource the build filters. */
    public static String toolVersion() {
        try (InputStream in = Options.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "dev");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
