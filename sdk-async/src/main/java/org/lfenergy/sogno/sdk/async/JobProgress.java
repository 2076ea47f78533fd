package org.lfenergy.sogno.sdk.async;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Objects;
import java.util.Optional;
import org.lfenergy.sogno.sdk.async.internal.AsyncJsonCodecs;

/**
 * How far a running job got: {@code {"percent":40,"message":"iteration 3"}}. Both members are
 * optional on the wire; a job may report only a message or only a percentage.
 *
 * <p>Immutable and thread-safe.
 */
@JsonSerialize(using = AsyncJsonCodecs.ProgressSerializer.class)
@JsonDeserialize(using = AsyncJsonCodecs.ProgressDeserializer.class)
public final class JobProgress {
  private final Integer percent;
  private final String message;

  private JobProgress(Integer percent, String message) {
    this.percent = percent;
    this.message = message;
  }

  /**
   * @param percent 0 to 100, or null when unknown
   * @param message a short human-readable note, or null
   * @throws IllegalArgumentException if {@code percent} is outside 0..100
   */
  public static JobProgress of(Integer percent, String message) {
    if (percent != null && (percent < 0 || percent > 100)) {
      throw new IllegalArgumentException("Progress percent must be within 0..100, was " + percent);
    }
    return new JobProgress(percent, message);
  }

  /** The completed share, 0 to 100, if the job reported one. */
  public Optional<Integer> percent() {
    return Optional.ofNullable(percent);
  }

  /** The job's last progress note, if any. */
  public Optional<String> message() {
    return Optional.ofNullable(message);
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof JobProgress)) {
      return false;
    }
    JobProgress that = (JobProgress) other;
    return Objects.equals(percent, that.percent) && Objects.equals(message, that.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(percent, message);
  }

  @Override
  public String toString() {
    return "JobProgress{percent=" + percent + ", message=" + message + '}';
  }
}
