package org.lfenergy.sogno.sdk.async;

/**
 * The job kept reporting a status its {@link JobDialect} does not map, for {@link
 * JobDialect#maxUnmappedPolls()} consecutive polls: the client stopped waiting rather than poll until
 * the timeout with a vocabulary it does not understand. The job itself goes on; map the value ({@link
 * JobDialect.Builder#status}) and wait again.
 */
public final class UnmappedJobStatusException extends JobException {
  private static final long serialVersionUID = 1L;

  private final String value;
  private final String dialect;

  /**
   * @param jobId the job's id
   * @param lastKnown the job as last seen, with the unmapped status
   * @param dialect the name of the dialect that does not map it
   * @param polls how many consecutive polls showed an unmapped status
   */
  public UnmappedJobStatusException(String jobId, Job lastKnown, String dialect, int polls) {
    super("Job " + jobId + " reported status '" + lastKnown.status().value() + "', which job dialect " + dialect
        + " does not map, in " + polls + " consecutive poll" + (polls == 1 ? "" : "s"), jobId, lastKnown, null, null);
    this.value = lastKnown.status().value();
    this.dialect = dialect;
  }

  /** The status value the dialect does not map. */
  public String value() {
    return value;
  }

  /** The name of the dialect. */
  public String dialect() {
    return dialect;
  }
}
