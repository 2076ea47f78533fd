package org.lfenergy.sogno.samples.powerflow.api;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads the members of one JSON object (as parsed into maps, lists, numbers, strings and booleans)
 * and reports each missing or mistyped member as a violation at its JSON pointer. Methods return
 * {@code null} where the member is unusable, so reading goes on and every problem is reported.
 */
final class JsonObjectReader {
  private static final Map<String, Object> EMPTY = Map.of();

  private final Map<String, Object> members;
  private final String pointer;
  private final Violations violations;

  private JsonObjectReader(Map<String, Object> members, String pointer, Violations violations) {
    this.members = members;
    this.pointer = pointer;
    this.violations = violations;
  }

  /** Reads {@code value} as an object; reports and returns {@code null} if it is not one. */
  @SuppressWarnings("unchecked")
  static JsonObjectReader of(Object value, String pointer, Violations violations) {
    if (value instanceof Map<?, ?> map) {
      return new JsonObjectReader((Map<String, Object>) map, pointer, violations);
    }
    violations.malformed(pointer, value == null ? "required" : "wrong-type", "must be an object");
    return null;
  }

  String pointer() {
    return pointer;
  }

  String pointer(String member) {
    return pointer + "/" + member.replace("~", "~0").replace("/", "~1");
  }

  /** Reports a violation of a rule between members of this object at the given member. */
  void malformed(String member, String code, String detail) {
    violations.malformed(pointer(member), code, detail);
  }

  /** An optional nested object, or a reader over no members when it is absent. */
  JsonObjectReader optionalObject(String name) {
    Object value = members.get(name);
    return value == null ? new JsonObjectReader(EMPTY, pointer(name), violations)
        : of(value, pointer(name), violations);
  }

  JsonObjectReader requiredObject(String name) {
    return of(members.get(name), pointer(name), violations);
  }

  /** A required array; {@code null} if missing, not an array, or longer than {@code maxSize}. */
  List<?> requiredArray(String name, int maxSize) {
    Object value = members.get(name);
    if (value == null) {
      violations.malformed(pointer(name), "required", "is required");
      return null;
    }
    if (!(value instanceof List<?> list)) {
      violations.malformed(pointer(name), "wrong-type", "must be an array");
      return null;
    }
    if (list.size() > maxSize) {
      violations.malformed(pointer(name), "too-many-items",
          "has " + list.size() + " items, at most " + maxSize + " are accepted");
      return null;
    }
    return list;
  }

  /** A finite number; {@code fallback} when absent ({@code null} fallback = required). */
  Double number(String name, Double fallback) {
    Object value = members.get(name);
    if (value == null) {
      if (fallback == null) {
        violations.malformed(pointer(name), "required", "is required");
      }
      return fallback;
    }
    if (value instanceof Number number) {
      double d = number.doubleValue();
      if (Double.isFinite(d)) {
        return d;
      }
    } else if (!isNonFiniteName(value)) {
      violations.malformed(pointer(name), "wrong-type", "must be a number");
      return null;
    }
    violations.malformed(pointer(name), "not-finite", "must be a finite number");
    return null;
  }

  /** A number that must be greater than zero. */
  Double positiveNumber(String name, Double fallback) {
    Double value = number(name, fallback);
    if (value != null && !(value > 0)) {
      violations.malformed(pointer(name), "must-be-positive", "must be greater than 0, got " + value);
      return null;
    }
    return value;
  }

  /** An integer within [min, max]; {@code fallback} when absent ({@code null} = required). */
  Integer integer(String name, Integer fallback, long min, long max) {
    Object value = members.get(name);
    if (value == null) {
      if (fallback == null) {
        violations.malformed(pointer(name), "required", "is required");
      }
      return fallback;
    }
    if (value instanceof java.math.BigInteger) {
      violations.malformed(pointer(name), "out-of-range", "must be between " + min + " and " + max);
      return null;
    }
    if (!(value instanceof Integer || value instanceof Long)) {
      violations.malformed(pointer(name), "wrong-type", "must be an integer");
      return null;
    }
    long l = ((Number) value).longValue();
    if (l < min || l > max) {
      violations.malformed(pointer(name), "out-of-range",
          "must be between " + min + " and " + max + ", got " + l);
      return null;
    }
    return (int) l;
  }

  /** An optional string, or {@code null}. */
  String string(String name) {
    Object value = members.get(name);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    violations.malformed(pointer(name), "wrong-type", "must be a string");
    return null;
  }

  boolean bool(String name, boolean fallback) {
    Object value = members.get(name);
    if (value == null) {
      return fallback;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    violations.malformed(pointer(name), "wrong-type", "must be true or false");
    return fallback;
  }

  /** A required member naming one of {@code choices} (exact spelling). */
  <E> E choice(String name, Map<String, E> choices) {
    String value = string(name);
    if (value == null) {
      if (members.get(name) == null) {
        violations.malformed(pointer(name), "required", "is required");
      }
      return null;
    }
    E choice = choices.get(value);
    if (choice == null) {
      violations.malformed(pointer(name), "unknown-value",
          "must be one of " + String.join(", ", new TreeSet<>(choices.keySet()))
              + ", got '" + value + "'");
    }
    return choice;
  }

  private static boolean isNonFiniteName(Object value) {
    return value instanceof String s
        && (s.equalsIgnoreCase("NaN") || s.matches("(?i)[+-]?inf(inity)?"));
  }
}
