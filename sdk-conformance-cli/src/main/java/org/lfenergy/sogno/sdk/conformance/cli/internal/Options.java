package org.lfenergy.sogno.sdk.conformance.cli.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.lfenergy.sogno.sdk.conformance.ConformanceConfig;
import org.lfenergy.sogno.sdk.lint.ReportFormat;

/**
 * The parsed command line. Options take their value as the next argument or after {@code =}; the
 * token falls back to the environment variable {@code SOGNO_TOKEN}; {@code token} and
 * {@code output} are null when absent.
 */
public record Options(String url, Path spec, String token, ReportFormat format, Path output,
    ConformanceConfig config, boolean help, boolean version) {
  private static final String USAGE = """
      Usage: java -jar sogno-sdk-conformance-cli.jar --url URL --spec FILE [options]

      Checks the service running at URL against its OpenAPI spec and the SOGNO API guidelines.

        --url URL              the service's base URL (http or https)
        --spec FILE            its OpenAPI 3.0/3.1 or Swagger 2.0 spec
        --token TOKEN          bearer token (default: the environment variable SOGNO_TOKEN)
        --format FORMAT        text (default), json, sarif, junit, github or gitlab
        --output FILE          write the report there instead of standard output
        --budget N             send at most N requests (default 2000)
        --time-limit DURATION  stop sending after it, ISO-8601 (PT2M) or seconds (default PT2M)
        --seed N               random seed, for a reproducible run
        --help                 this text
        --version              the version

      Exit status: 0 no MUST finding, 1 MUST findings, 2 usage error, unusable spec or no answer.
      """;
  /**
   * Parses {@code args}; {@code env} gives {@code SOGNO_TOKEN} when {@code --token} is absent.
   *
   * @throws IllegalArgumentException naming the option and what is wrong with it
   */
  public static Options parse(String[] args, Map<String, String> env) {
    Builder b = new Builder();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      int eq = arg.indexOf('=');
      String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
      String inline = arg.startsWith("--") && eq > 0 ? arg.substring(eq + 1) : null;
      switch (name) {
        case "--help", "-h" -> b.help = true;
        case "--version" -> b.version = true;
        default -> {
          String value = inline != null ? inline : next(args, ++i, name);
          b.set(name, value);
        }
      }
    }
    if (b.token == null) {
      String fromEnv = env.get("SOGNO_TOKEN");
      b.token = fromEnv == null || fromEnv.isBlank() ? null : fromEnv;
    }
    if (!b.help && !b.version && (b.url == null || b.spec == null)) {
      throw new IllegalArgumentException("--url and --spec are required");
    }
    return new Options(b.url, b.spec, b.token, b.format, b.output, b.config.build(), b.help, b.version);
  }

  private static String next(String[] args, int i, String name) {
    if (i >= args.length) {
      throw new IllegalArgumentException(name + " needs a value");
    }
    return args[i];
  }

  /** Never prints the token. */
  @Override
  public String toString() {
    return "Options[url=" + url + ", spec=" + spec + ", token " + (token == null ? "none" : "set") + ", format="
        + format + ", output=" + output + ", " + config + "]";
  }

  /** The help text. */
  public static String usage() {
    return USAGE;
  }

  private static final class Builder {
    private String url;
    private Path spec;
    private String token;
    private ReportFormat format = ReportFormat.TEXT;
    private Path output;
    private final ConformanceConfig.Builder config = ConformanceConfig.builder();
    private boolean help;
    private boolean version;

    void set(String name, String value) {
      switch (name) {
        case "--url", "-u" -> url = value;
        case "--spec", "-s" -> spec = path(name, value);
        case "--token", "-t" -> token = value.isBlank() ? null : value;
        case "--format", "-f" -> format = ReportFormat.parse(value);
        case "--output", "-o" -> output = path(name, value);
        case "--budget" -> config.requestBudget(number(name, value));
        case "--time-limit" -> config.timeLimit(duration(name, value));
        case "--seed" -> config.seed(number(name, value));
        default -> throw new IllegalArgumentException("unknown option '" + name + "'");
      }
    }

    private static Path path(String name, String value) {
      try {
        return Path.of(value);
      } catch (InvalidPathException e) {
        throw new IllegalArgumentException(name + ": not a path: " + value, e);
      }
    }

    private static int number(String name, String value) {
      try {
        return Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + ": not a whole number: " + value, e);
      }
    }

    private static Duration duration(String name, String value) {
      try {
        return value.trim().matches("\\d+") ? Duration.ofSeconds(Long.parseLong(value.trim()))
            : Duration.parse(value.trim());
      } catch (DateTimeParseException | ArithmeticException e) {
        throw new IllegalArgumentException(name + ": not a duration (PT2M or seconds): " + value, e);
      }
    }
  }
}
