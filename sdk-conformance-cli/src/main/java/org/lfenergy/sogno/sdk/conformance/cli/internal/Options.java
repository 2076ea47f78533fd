package org.lfenergy.sogno.sdk.conformance.cli.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.lfenergy.sogno.sdk.conformance.ConformanceConfig;
import org.lfenergy.sogno.sdk.core.Authentication;
import org.lfenergy.sogno.sdk.core.OAuth2ClientCredentials;
import org.lfenergy.sogno.sdk.lint.ReportFormat;

/**
 * The parsed command line. Options take their value as the next argument or after {@code =}; the
 * token falls back to the environment variable {@code SOGNO_TOKEN}, the OAuth2 client secret to
 * {@code SOGNO_CLIENT_SECRET}; {@code output} is null when absent.
 */
public record Options(String url, Path spec, Authentication authentication, ReportFormat format, Path output,
    ConformanceConfig config, boolean help, boolean version) {
  private static final String USAGE = """
      Usage: java -jar sogno-sdk-conformance-cli.jar --url URL --spec FILE [options]

      Checks the service running at URL against its OpenAPI spec and the SOGNO API guidelines.

        --url URL              the service's base URL (http or https)
        --spec FILE            its OpenAPI 3.0/3.1 or Swagger 2.0 spec
        --token TOKEN          bearer token (default: the environment variable SOGNO_TOKEN)
        --token-url URL        OAuth2 client credentials instead: the token endpoint,
        --client-id ID         the client id, the secret in SOGNO_CLIENT_SECRET
        --scope SCOPE          (or --client-secret), and the scope to ask for
        --format FORMAT        text (default), json, sarif, junit, github or gitlab
        --output FILE          write the report there instead of standard output
        --budget N             send at most N requests (default 2000)
        --time-limit DURATION  stop sending after it, ISO-8601 (PT2M) or seconds (default PT2M)
        --seed N               random seed, for a reproducible run
        --ignore RULE          leave a rule's findings out (repeatable, or comma-separated),
                               e.g. SOGNO-700 for a service in a development mode that
                               accepts every request without a token
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
    if (!b.help && !b.version && (b.url == null || b.spec == null)) {
      throw new IllegalArgumentException("--url and --spec are required");
    }
    return new Options(b.url, b.spec, b.authentication(env), b.format, b.output, b.config.build(), b.help,
        b.version);
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
    return "Options[url=" + url + ", spec=" + spec + ", credentials "
        + (authentication == Authentication.NONE ? "none" : "set") + ", format="
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
    private String tokenUrl;
    private String clientId;
    private String clientSecret;
    private String scope;
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
        case "--token-url" -> tokenUrl = value;
        case "--client-id" -> clientId = value;
        case "--client-secret" -> clientSecret = value;
        case "--scope" -> scope = value;
        case "--format", "-f" -> format = ReportFormat.parse(value);
        case "--output", "-o" -> output = path(name, value);
        case "--budget" -> config.requestBudget(number(name, value));
        case "--time-limit" -> config.timeLimit(duration(name, value));
        case "--seed" -> config.seed(number(name, value));
        case "--ignore" -> {
          for (String rule : value.split(",")) {
            config.ignoreRule(rule);
          }
        }
        default -> throw new IllegalArgumentException("unknown option '" + name + "'");
      }
    }

    /** OAuth2 client credentials when {@code --token-url} is set, else the bearer token, else none. */
    Authentication authentication(Map<String, String> env) {
      if (tokenUrl == null) {
        String bearer = token != null ? token : env.get("SOGNO_TOKEN");
        return bearer == null || bearer.isBlank() ? Authentication.NONE : Authentication.bearer(bearer.trim());
      }
      String secret = clientSecret != null ? clientSecret : env.get("SOGNO_CLIENT_SECRET");
      if (clientId == null || secret == null || token != null) {
        throw new IllegalArgumentException("--token-url needs --client-id and SOGNO_CLIENT_SECRET (or --client-secret),"
            + " and no --token");
      }
      OAuth2ClientCredentials.Builder credentials = OAuth2ClientCredentials.builder().clientId(clientId)
          .clientSecret(secret);
      try {
        credentials.tokenEndpoint(tokenUrl);
        if (scope != null) {
          credentials.scope(scope.split("[ ,]+"));
        }
        return Authentication.oauth2(credentials.build());
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw new IllegalArgumentException("--token-url: " + e.getMessage(), e);
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
