package org.lfenergy.sogno.sdk.async.server;

import java.util.Objects;

/**
 * The stored outcome of a succeeded job, served on its {@code result} link: bytes plus their media
 * type. A job's work usually returns a plain object, which the {@link JobManager} writes as JSON; return
 * a {@code JobResult} yourself for another media type.
 *
 * <p>Immutable and thread-safe (the body is copied on the way in and out).
 */
public final class JobResult {
  private static final JobResult EMPTY = new JobResult(new byte[0], null);

  private final byte[] body;
  private final String mediaType;

  private JobResult(byte[] body, String mediaType) {
    this.body = body;
    this.mediaType = mediaType;
  }

  /**
   * @param body the result bytes
   * @param mediaType e.g. {@code "text/csv"}
   */
  public static JobResult of(byte[] body, String mediaType) {
    return new JobResult(
        Objects.requireNonNull(body, "body").clone(), Objects.requireNonNull(mediaType, "mediaType"));
  }

  /** No result body: the result link answers {@code 204 No Content}. */
  public static JobResult empty() {
    return EMPTY;
  }

  /** A copy of the result bytes. */
  public byte[] body() {
    return body.clone();
  }

  /** The media type, or null when {@link #isEmpty()}. */
  public String mediaType() {
    return mediaType;
  }

  /** True when the job produced no result body. */
  public boolean isEmpty() {
    return mediaType == null;
  }

  /** The body size in bytes. */
  public int size() {
    return body.length;
  }
}
