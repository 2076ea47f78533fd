package org.lfenergy.sogno.sdk.buildchecks;

import java.util.Set;

/**
 * The boundary violations the build accepts, each named with why. Dependencies are
 * {@code "origin -> target"} with top-level class names; exceptions are class names.
 *
 * <p>Immutable and thread-safe.
 *
 * @param dependencies accepted uses of an internal package
 * @param exceptions accepted exception classes that do not extend {@code SognoException}
 */
public record KnownViolations(Set<String> dependencies, Set<String> exceptions) {
  /** Accepts nothing. */
  public static final KnownViolations NONE = new KnownViolations(Set.of(), Set.of());

  /**
   * What the SDK accepts today. Remove an entry with the change that fixes it: an entry that no longer
   * matches a violation fails {@code SdkBoundariesTest#everyKnownViolationStillOccurs}.
   */
  public static final KnownViolations SDK = new KnownViolations(
      Set.of(
          // Unavoidable: an embedded broker must replace Kafka's exit procedures, or a fatal broker error
          // would System.exit the test JVM; there is no public API for it (the broker is not public API either).
          "org.lfenergy.sogno.sdk.testkit.internal.FatalExitGuard -> org.apache.kafka.common.utils.internals.Exit"),
      Set.of());

  /** Copies both sets. */
  public KnownViolations {
    dependencies = Set.copyOf(dependencies);
    exceptions = Set.copyOf(exceptions);
  }

  boolean acceptsDependency(String origin, String target) {
    return dependencies.contains(topLevel(origin) + " -> " + topLevel(target));
  }

  boolean acceptsException(String className) {
    return exceptions.contains(topLevel(className));
  }

  static String topLevel(String className) {
    int nested = className.indexOf('$');
    return nested < 0 ? className : className.substring(0, nested);
  }
}
