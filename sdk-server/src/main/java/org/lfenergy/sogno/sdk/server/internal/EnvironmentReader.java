package org.lfenergy.sogno.sdk.server.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Reads typed settings from environment variables; every failure names the variable, the accepted
 * form and the value given. Not API: {@code ServerConfig.fromEnvironment} and {@code
 * AuthConfig.fromEnvironment} read through it.
 */
public final class EnvironmentReader {
  private final Map<String, String> environment;

  public EnvironmentReader(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  public Optional<String> text(String name) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  public Optional<Integer> integer(String name, int min, int max, String form) {
    return text(name).map(value -> {
      try {
        int number = Integer.parseInt(value);
        if (number >= min && number <= max) {
          return number;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw invalid(name, form, value);
    });
  }

  public Optional<Duration> duration(String name) {
    String form = "an ISO-8601 duration of zero or more such as PT20S";
    return text(name).map(value -> {
      try {
        Duration duration = Duration.parse(value);
        if (!duration.isNegative()) {
          return duration;
        }
      } catch (DateTimeParseException e) {
        // reported below
      }
      throw invalid(name, form, value);
    });
  }

  public Optional<Boolean> bool(String name) {
    return text(name).map(value -> {
      if (value.equals("true") || value.equals("false")) {
        return Boolean.valueOf(value);
      }
      throw invalid(name, "true or false", value);
    });
  }

  /** Runs {@code apply}; an {@link IllegalArgumentException} from it is reported as a bad {@code name}. */
  public void apply(String name, String value, String form, Runnable apply) {
    try {
      apply.run();
    } catch (IllegalArgumentException e) {
      throw invalid(name, form, value);
    }
  }

  /** The failure for a bad value of {@code name}. */
  public static IllegalArgumentException invalid(String name, String form, String value) {
    return new IllegalArgumentException(name + " must be " + form + ", was '" + value + "'");
  }
}
