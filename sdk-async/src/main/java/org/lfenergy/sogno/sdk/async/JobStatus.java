package org.lfenergy.sogno.sdk.async;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The status of a job: an <em>extensible</em> enum. The five statuses of the convention are constants;
 * {@link #of(String)} maps any other value to an instance that keeps the raw value, so a client built
 * today keeps working when a server adds a status tomorrow. An unknown status is never terminal: a
 * client keeps polling until it sees one of {@link #SUCCEEDED}, {@link #FAILED} or {@link #CANCELLED}.
 *
 * <p>Lifecycle: {@code queued → running → succeeded | failed | cancelled}, and {@code queued →
 * cancelled} for a job cancelled before it started ({@link #canTransitionTo(JobStatus)}).
 *
 * <p>Immutable and thread-safe; compare with {@link #equals(Object)}, not {@code ==}, since unknown
 * values are fresh instances.
 */
public final class JobStatus {
  /** Accepted, waiting for a worker. */
  public static final JobStatus QUEUED = new JobStatus("queued", false, true);
  /** A worker is executing the job. */
  public static final JobStatus RUNNING = new JobStatus("running", false, true);
  /** Finished; the result is available through the job's {@code result} link. */
  public static final JobStatus SUCCEEDED = new JobStatus("succeeded", true, true);
  /** Finished with an error, described by the job's {@code problem}. */
  public static final JobStatus FAILED = new JobStatus("failed", true, true);
  /** Stopped on request before it finished. */
  public static final JobStatus CANCELLED = new JobStatus("cancelled", true, true);

  private static final Map<String, JobStatus> KNOWN =
      Map.of(
          QUEUED.value, QUEUED,
          RUNNING.value, RUNNING,
          SUCCEEDED.value, SUCCEEDED,
          FAILED.value, FAILED,
          CANCELLED.value, CANCELLED);

  private static final Map<JobStatus, Set<JobStatus>> TRANSITIONS =
      Map.of(
          QUEUED, Set.of(RUNNING, CANCELLED),
          RUNNING, Set.of(SUCCEEDED, FAILED, CANCELLED));

  private final String value;
  private final boolean terminal;
  private final boolean known;

  private JobStatus(String value, boolean terminal, boolean known) {
    this.value = value;
    this.terminal = terminal;
    this.known = known;
  }

  /**
   * The status for a wire value: one of the constants, or an unknown status keeping {@code value}
   * unchanged (written back as is).
   *
   * @throws IllegalArgumentException if {@code value} is null or blank
   */
  public static JobStatus of(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("A job status must not be null or blank");
    }
    JobStatus status = KNOWN.get(value);
    return status != null ? status : new JobStatus(value, false, false);
  }

  /**
   * A status value a {@link JobDialect} does not map: unknown and not terminal, even if the raw value
   * looks like one of the constants.
   */
  static JobStatus unmapped(String value) {
    return new JobStatus(value, false, false);
  }

  /** The wire value, e.g. {@code "running"}, or the raw value of an unknown status. */
  public String value() {
    return value;
  }

  /** True for {@code succeeded}, {@code failed} and {@code cancelled}; false for unknown values. */
  public boolean isTerminal() {
    return terminal;
  }

  /** False when this status came from a value this SDK version does not know. */
  public boolean isKnown() {
    return known;
  }

  /**
   * Whether the lifecycle allows going from this status to {@code next}. Terminal and unknown statuses
   * allow no transition; staying in the same status is not a transition.
   */
  public boolean canTransitionTo(JobStatus next) {
    return TRANSITIONS.getOrDefault(this, Set.of()).contains(Objects.requireNonNull(next, "next"));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JobStatus && ((JobStatus) other).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
