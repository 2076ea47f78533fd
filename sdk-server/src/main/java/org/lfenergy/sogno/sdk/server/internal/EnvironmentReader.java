package org.lfenergy.sogno.sdk.server;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * Reads typed settings from environment variables; every failure names the variable, the accepted
 * form and the value given.
 */
final class EnvironmentReader {
  private final Map<String, String> environment;

  EnvironmentReader(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  Optional<String> text(String name) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
  }

  Optional<Integer> integer(String name, int min, int max, String form) {
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

  Optional<Duration> duration(String name) {
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

  Optional<Boolean> bool(String name) {
    return text(name).map(value -> {
      if (value.equals("true") || value.equals("false")) {
        return Boolean.valueOf(value);
      }
      throw invalid(name, "true or false", value);
    });
  }

  /** Runs {@code apply}; an {@link IllegalArgumentException} from it is reported as a bad {@code name}. */
  void apply(String name, String value, String form, Runnable apply) {
    try {
      apply.run();
    } catch (IllegalArgumentException e) {
      throw invalid(name, form, value);
    }
  }

  private static IllegalArgumentException invalid(String name, String form, String value) {
    return new IllegalArgumentException(name + " must be " + form + ", was '" + value + "'");
  }
}
