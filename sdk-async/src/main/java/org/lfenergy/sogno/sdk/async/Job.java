package org.lfenergy.sogno.sdk.async;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lfenergy.sogno.sdk.async.internal.AsyncJsonCodecs;
import org.lfenergy.sogno.sdk.core.Problem;

/**
 * The job resource of the async-job convention ({@code GET /v1/jobs/{jobId}}), as both clients and
 * servers see it. Only {@code id} and {@code status} are required; everything else may be absent, and
 * members this SDK does not know are kept in {@link #extensions()} and written back unchanged.
 *
 * <p>Serializes through any {@code SognoJson} to exactly the wire format of {@code
 * docs/api-guidelines.md}, with no registration needed (the codec lives in the SDK's internal
 * package). Times are RFC 3339 UTC.
 *
 * <p>Immutable and thread-safe; derive changed copies with {@link #toBuilder()}.
 */
@JsonSerialize(using = AsyncJsonCodecs.JobSerializer.class)
@JsonDeserialize(using = AsyncJsonCodecs.JobDeserializer.class)
public final class Job {
  /** Relation name of the link to the job itself. */
  public static final String SELF = "self";
  /** Relation name of the link to the job's result, readable once the job succeeded. */
  public static final String RESULT = "result";
  /** Relation name of the link that cancels the job ({@code POST}). */
  public static final String CANCEL = "cancel";

  private final String id;
  private final JobStatus status;
  private final String kind;
  private final JobProgress progress;
  private final Instant createdAt;
  private final Instant updatedAt;
  private final Instant startedAt;
  private final Instant finishedAt;
  private final Instant expiresAt;
  private final Problem problem;
  private final Map<String, Link> links;
  private final Map<String, Object> extensions;

  private Job(Builder b) {
    if (b.id == null || b.id.isBlank()) {
      throw new IllegalArgumentException("A job needs a non-blank id");
    }
    this.id = b.id;
    this.status = Objects.requireNonNull(b.status, "A job needs a status");
    this.kind = b.kind;
    this.progress = b.progress;
    this.createdAt = b.createdAt;
    this.updatedAt = b.updatedAt;
    this.startedAt = b.startedAt;
    this.finishedAt = b.finishedAt;
    this.expiresAt = b.expiresAt;
    this.problem = b.problem;
    this.links = Collections.unmodifiableMap(new LinkedHashMap<>(b.links));
    this.extensions = b.extensions.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(b.extensions));
  }

  /**
   * @param id the job id
   * @param status the job status
   */
  public static Builder builder(String id, JobStatus status) {
    return new Builder().id(id).status(status);
  }

  /** A builder pre-filled with this job's members. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.status = status;
    b.kind = kind;
    b.progress = progress;
    b.createdAt = createdAt;
    b.updatedAt = updatedAt;
    b.startedAt = startedAt;
    b.finishedAt = finishedAt;
    b.expiresAt = expiresAt;
    b.problem = problem;
    b.links.putAll(links);
    b.extensions.putAll(extensions);
    return b;
  }

  /** The job id (a random UUIDv4 for jobs of this SDK's server side). */
  public String id() {
    return id;
  }

  /** The status; unknown values are kept ({@link JobStatus#of(String)}). */
  public JobStatus status() {
    return status;
  }

  /** Shorthand for {@code status().isTerminal()}. */
  public boolean isTerminal() {
    return status.isTerminal();
  }

  /** What the job does, e.g. {@code "powerflow"}, if the server says. */
  public Optional<String> kind() {
    return Optional.ofNullable(kind);
  }

  /** The last progress the job reported, if any. */
  public Optional<JobProgress> progress() {
    return Optional.ofNullable(progress);
  }

  /** When the job was accepted. */
  public Optional<Instant> createdAt() {
    return Optional.ofNullable(createdAt);
  }

  /** When the job last changed (status or progress). */
  public Optional<Instant> updatedAt() {
    return Optional.ofNullable(updatedAt);
  }

  /** When a worker started it. */
  public Optional<Instant> startedAt() {
    return Optional.ofNullable(startedAt);
  }

  /** When it reached a terminal status. */
  public Optional<Instant> finishedAt() {
    return Optional.ofNullable(finishedAt);
  }

  /** When the server forgets the finished job (and its result); after that it answers 404. */
  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  /** Why the job failed; present only for {@link JobStatus#FAILED}. */
  public Optional<Problem> problem() {
    return Optional.ofNullable(problem);
  }

  /** The job's links by relation ({@link #SELF}, {@link #RESULT}, {@link #CANCEL}, …), in wire order. */
  public Map<String, Link> links() {
    return links;
  }

  /** The link with relation {@code rel}, if present. */
  public Optional<Link> link(String rel) {
    return Optional.ofNullable(links.get(rel));
  }

  /** Members of the wire object this SDK does not know, kept for forward compatibility. */
  public Map<String, Object> extensions() {
    return extensions;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Job)) {
      return false;
    }
    Job that = (Job) other;
    return id.equals(that.id)
        && status.equals(that.status)
        && Objects.equals(kind, that.kind)
        && Objects.equals(progress, that.progress)
        && Objects.equals(createdAt, that.createdAt)
        && Objects.equals(updatedAt, that.updatedAt)
        && Objects.equals(startedAt, that.startedAt)
        && Objects.equals(finishedAt, that.finishedAt)
        && Objects.equals(expiresAt, that.expiresAt)
        && Objects.equals(problem, that.problem)
        && links.equals(that.links)
        && extensions.equals(that.extensions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, status, updatedAt);
  }

  @Override
  public String toString() {
    return "Job{id=" + id + ", status=" + status + (kind == null ? "" : ", kind=" + kind) + '}';
  }

  /** Builds a {@link Job}; not thread-safe. */
  public static final class Builder {
    private String id;
    private JobStatus status;
    private String kind;
    private JobProgress progress;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant startedAt;
    private Instant finishedAt;
    private Instant expiresAt;
    private Problem problem;
    private final Map<String, Link> links = new LinkedHashMap<>();
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    private Builder() {}

    public Builder id(String id) {
      this.id = id;
      return this;
    }

    public Builder status(JobStatus status) {
      this.status = status;
      return this;
    }

    public Builder kind(String kind) {
      this.kind = kind;
      return this;
    }

    public Builder progress(JobProgress progress) {
      this.progress = progress;
      return this;
    }

    public Builder createdAt(Instant createdAt) {
      this.createdAt = createdAt;
      return this;
    }

    public Builder updatedAt(Instant updatedAt) {
      this.updatedAt = updatedAt;
      return this;
    }

    public Builder startedAt(Instant startedAt) {
      this.startedAt = startedAt;
      return this;
    }

    public Builder finishedAt(Instant finishedAt) {
      this.finishedAt = finishedAt;
      return this;
    }

    public Builder expiresAt(Instant expiresAt) {
      this.expiresAt = expiresAt;
      return this;
    }

    public Builder problem(Problem problem) {
      this.problem = problem;
      return this;
    }

    /** Adds or replaces the link with relation {@code rel}; a null link removes it. */
    public Builder link(String rel, Link link) {
      if (link == null) {
        links.remove(rel);
      } else {
        links.put(Objects.requireNonNull(rel, "rel"), link);
      }
      return this;
    }

    /** Replaces all links. */
    public Builder links(Map<String, Link> links) {
      this.links.clear();
      links.forEach(this::link);
      return this;
    }

    /** Adds a member unknown to this SDK, written back as is; a null value removes it. */
    public Builder extension(String name, Object value) {
      if (value == null) {
        extensions.remove(name);
      } else {
        extensions.put(Objects.requireNonNull(name, "name"), value);
      }
      return this;
    }

    /**
     * @throws IllegalArgumentException if the id is blank
     * @throws NullPointerException if the status is missing
     */
    public Job build() {
      return new Job(this);
    }
  }
}
