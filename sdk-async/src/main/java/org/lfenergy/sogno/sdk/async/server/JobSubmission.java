package org.lfenergy.sogno.sdk.async.server;

import java.util.Objects;
import java.util.Optional;

/**
 * Who submits which kind of job, with an optional idempotency key. Immutable; build with {@link
 * #builder(String)}.
 *
 * <pre>{@code
 * JobSubmission.builder("powerflow")
 *     .owner(principalName)
 *     .idempotencyKey(request.header("Idempotency-Key"), fingerprint)
 *     .build();
 * }</pre>
 */
public final class JobSubmission {
  private final String kind;
  private final String owner;
  private final String idempotencyKey;
  private final String fingerprint;

  private JobSubmission(Builder b) {
    this.kind = b.kind;
    this.owner = b.owner;
    this.idempotencyKey = b.idempotencyKey;
    this.fingerprint = b.fingerprint;
  }

  /** @param kind what the job does, e.g. {@code "powerflow"}; shown in the job's {@code kind} */
  public static Builder builder(String kind) {
    return new Builder(kind);
  }

  public String kind() {
    return kind;
  }

  public Optional<String> owner() {
    return Optional.ofNullable(owner);
  }

  public Optional<String> idempotencyKey() {
    return Optional.ofNullable(idempotencyKey);
  }

  public Optional<String> fingerprint() {
    return Optional.ofNullable(fingerprint);
  }

  /** Builds a {@link JobSubmission}; not thread-safe. */
  public static final class Builder {
    private final String kind;
    private String owner;
    private String idempotencyKey;
    private String fingerprint;

    private Builder(String kind) {
      if (kind == null || kind.isBlank()) {
        throw new IllegalArgumentException("A job kind must not be null or blank");
      }
      this.kind = kind;
    }

    /** @param owner the submitting principal's name; null for anonymous */
    public Builder owner(String owner) {
      this.owner = owner;
      return this;
    }

    /**
     * Makes the submission idempotent: a second submission of the same owner with the same key and
     * fingerprint returns the first job; with another fingerprint it is refused ({@code
     * idempotency-key-reused}).
     *
     * @param key the client's {@code Idempotency-Key}; null or blank means none
     * @param fingerprint what identifies the request, e.g. a hash of method, path and body
     * @throws NullPointerException if a key is given without a fingerprint
     */
    public Builder idempotencyKey(String key, String fingerprint) {
      if (key == null || key.isBlank()) {
        this.idempotencyKey = null;
        this.fingerprint = null;
      } else {
        this.idempotencyKey = key;
        this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
      }
      return this;
    }

    public JobSubmission build() {
      return new JobSubmission(this);
    }
  }
}
