package org.lfenergy.sogno.sdk.conformance;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * How much the checker may do: the request budget, the time limit, how many valid requests it
 * generates per operation, how long it follows a job, how hard it shrinks a failing request, and the
 * random seed (a run with the same seed against the same service sends the same requests).
 *
 * <p>Defaults: {@code requestBudget} 2000, {@code timeLimit} 2 minutes, {@code validRequestsPerOperation}
 * 20, {@code jobTimeout} 30 seconds, {@code shrinkAttempts} 40, no seed (random). Immutable and
 * thread-safe; builders are not.
 */
public final class ConformanceConfig {
  private static final ConformanceConfig DEFAULTS = new Builder().build();

  private final int requestBudget;
  private final Duration timeLimit;
  private final int validRequestsPerOperation;
  private final Duration jobTimeout;
  private final int shrinkAttempts;
  private final Long seed;
  private final Set<String> ignoredRules;

  private ConformanceConfig(Builder b) {
    this.requestBudget = b.requestBudget;
    this.timeLimit = b.timeLimit;
    this.validRequestsPerOperation = b.validRequestsPerOperation;
    this.jobTimeout = b.jobTimeout;
    this.shrinkAttempts = b.shrinkAttempts;
    this.seed = b.seed;
    this.ignoredRules = Set.copyOf(b.ignoredRules);
  }

  /** The documented defaults. */
  public static ConformanceConfig defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder pre-filled with this config. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.requestBudget = requestBudget;
    b.timeLimit = timeLimit;
    b.validRequestsPerOperation = validRequestsPerOperation;
    b.jobTimeout = jobTimeout;
    b.shrinkAttempts = shrinkAttempts;
    b.seed = seed;
    b.ignoredRules.addAll(ignoredRules);
    return b;
  }

  /**
   * Rule IDs whose findings are left out of the report, e.g. {@code SOGNO-700} against a service
   * started in a development mode that authenticates every request on purpose.
   */
  public Set<String> ignoredRules() {
    return ignoredRules;
  }

  /** At most this many requests are sent in one run, shrinking and job polling included. */
  public int requestBudget() {
    return requestBudget;
  }

  /** A run stops sending once this much time has passed, and reports what it checked. */
  public Duration timeLimit() {
    return timeLimit;
  }

  /** Generated valid requests per operation (the spec's example, when it has one, is sent in addition). */
  public int validRequestsPerOperation() {
    return validRequestsPerOperation;
  }

  /** How long a started job is followed before it counts as never reaching a terminal state. */
  public Duration jobTimeout() {
    return jobTimeout;
  }

  /** Requests spent at most on shrinking one failing generated request. */
  public int shrinkAttempts() {
    return shrinkAttempts;
  }

  /** The random seed; empty for a new one each run. */
  public OptionalLong seed() {
    return seed == null ? OptionalLong.empty() : OptionalLong.of(seed);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConformanceConfig c && requestBudget == c.requestBudget && timeLimit.equals(c.timeLimit)
        && validRequestsPerOperation == c.validRequestsPerOperation && jobTimeout.equals(c.jobTimeout)
        && shrinkAttempts == c.shrinkAttempts && Objects.equals(seed, c.seed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(requestBudget, timeLimit, validRequestsPerOperation, jobTimeout, shrinkAttempts, seed);
  }

  @Override
  public String toString() {
    return "ConformanceConfig[requestBudget=" + requestBudget + ", timeLimit=" + timeLimit
        + ", validRequestsPerOperation=" + validRequestsPerOperation + ", jobTimeout=" + jobTimeout
        + ", shrinkAttempts=" + shrinkAttempts + ", seed=" + (seed == null ? "random" : seed)
        + ", ignoredRules=" + new java.util.TreeSet<>(ignoredRules) + "]";
  }

  /** Builds a {@link ConformanceConfig}; setters validate at once. Not thread-safe. */
  public static final class Builder {
    private int requestBudget = 2000;
    private Duration timeLimit = Duration.ofMinutes(2);
    private int validRequestsPerOperation = 20;
    private Duration jobTimeout = Duration.ofSeconds(30);
    private int shrinkAttempts = 40;
    private Long seed;
    private final Set<String> ignoredRules = new java.util.HashSet<>();

    private Builder() {
    }

    /**
     * Leaves the findings of a rule out of the report (repeatable).
     *
     * @throws IllegalArgumentException if {@code ruleId} is not of the form {@code SOGNO-<number>}
     */
    public Builder ignoreRule(String ruleId) {
      String id = Objects.requireNonNull(ruleId, "ruleId").trim().toUpperCase(java.util.Locale.ROOT);
      if (!id.matches("SOGNO-\\d{3}")) {
        throw new IllegalArgumentException("not a rule ID (SOGNO-<number>): " + ruleId);
      }
      ignoredRules.add(id);
      return this;
    }

    /** @throws IllegalArgumentException if below 1 */
    public Builder requestBudget(int requests) {
      this.requestBudget = atLeast("requestBudget", requests, 1);
      return this;
    }

    /** @throws IllegalArgumentException if not positive */
    public Builder timeLimit(Duration limit) {
      this.timeLimit = positive("timeLimit", limit);
      return this;
    }

    /** @throws IllegalArgumentException if negative */
    public Builder validRequestsPerOperation(int requests) {
      this.validRequestsPerOperation = atLeast("validRequestsPerOperation", requests, 0);
      return this;
    }

    /** @throws IllegalArgumentException if not positive */
    public Builder jobTimeout(Duration timeout) {
      this.jobTimeout = positive("jobTimeout", timeout);
      return this;
    }

    /** @throws IllegalArgumentException if negative */
    public Builder shrinkAttempts(int attempts) {
      this.shrinkAttempts = atLeast("shrinkAttempts", attempts, 0);
      return this;
    }

    /** A fixed seed, for reproducible runs. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The config. */
    public ConformanceConfig build() {
      return new ConformanceConfig(this);
    }

    private static int atLeast(String name, int value, int min) {
      if (value < min) {
        throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
      }
      return value;
    }

    private static Duration positive(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isZero() || value.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive: " + value);
      }
      return value;
    }
  }
}
