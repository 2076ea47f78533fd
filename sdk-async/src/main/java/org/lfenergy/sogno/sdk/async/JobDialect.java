package org.lfenergy.sogno.sdk.async;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lfenergy.sogno.sdk.async.internal.JsonPointers;

/**
 * How a service speaks about its jobs, for {@link JobHandle}: where the first response names the job,
 * how a job body gives the id, the status (mapped onto {@link JobStatus}), progress and failure, where
 * the result is and whether the job can be cancelled. A declarative description, no code: a generated
 * client or a configuration file can name one ({@link JobDialects#byName}). {@link JobDialects#sogno()}
 * is the platform's convention and the default; {@link JobDialects} has the dialects of the platform's
 * existing services.
 *
 * <pre>{@code
 * JobDialect analysis = JobDialect.builder("my-service")
 *     .locateByMember("/analysis_id", "{request}/{id}")      // POST /analysis -> GET /analysis/5
 *     .status("requested", JobStatus.QUEUED).status("running", JobStatus.RUNNING)
 *     .status("complete", JobStatus.SUCCEEDED).status("error", JobStatus.FAILED)
 *     .resultUrl("{location}/results")
 *     .build();
 * }</pre>
 *
 * <p><b>Finding the job</b> in the response that started it: the {@code locateBy…} settings are tried in
 * the order given and the first that applies wins — a header ({@code Location}, {@code
 * Operation-Location}), a link member of the body, or an id member of the body put into a URL template.
 * A string or an integer id is accepted; the job's id is the located member's, else the body's {@code
 * idMember}, else the job URL's last segment.
 *
 * <p><b>Status</b>: the {@code statusWhenNonEmpty} rules, in order, then the {@code statusMember}'s value
 * mapped through {@link Builder#status}. A value the dialect does not map keeps the wait going for at
 * most {@code maxUnmappedPolls} consecutive polls (default 3), then fails with {@link
 * UnmappedJobStatusException}: a misunderstood vocabulary never spins until the timeout. Without a
 * status member and no matching rule, the job is {@code running}.
 *
 * <p><b>URL templates</b> ({@code resultUrl}, {@code cancelUrl}, the one of {@code locateByMember}): a
 * path starting with {@code /} is relative to the client's base URL; {@code {location}} is the job's
 * URL, {@code {request}} (only when locating) the URL the starting request went to, both without a
 * trailing slash and query; {@code {id}} the job id as one percent-encoded path segment.
 *
 * <p>Immutable and thread-safe; equal when all settings are equal. Setters fail fast with {@link
 * IllegalArgumentException} naming the setting; {@link Builder#build()} checks them together. (A
 * dialect describes a wire protocol rather than configuring a component, hence not a {@code …Config}.)
 */
public final class JobDialect {
  /** Relation of a locator: where in the first response the job is named. */
  enum LocatorKind { HEADER, LINK, MEMBER }

  /** One way to find the job in the first response. */
  record Locator(LocatorKind kind, String source, String template) {}

  /** A status that holds when the member at {@code pointer} is non-empty. */
  record StatusRule(String pointer, JobStatus status) {}

  private final String name;
  private final List<Locator> locators;
  private final String idMember;
  private final String statusMember;
  private final Map<String, JobStatus> statuses;
  private final List<StatusRule> statusRules;
  private final int maxUnmappedPolls;
  private final String progressMember;
  private final String problemMember;
  private final String resultMember;
  private final String resultLink;
  private final String resultUrl;
  private final String cancelLink;
  private final String cancelUrl;

  private JobDialect(Builder b) {
    this.name = b.name;
    this.locators = List.copyOf(b.locators);
    this.idMember = b.idMember;
    this.statusMember = b.statusMember;
    this.statuses = Collections.unmodifiableMap(new LinkedHashMap<>(b.statuses));
    this.statusRules = List.copyOf(b.statusRules);
    this.maxUnmappedPolls = b.maxUnmappedPolls;
    this.progressMember = b.progressMember;
    this.problemMember = b.problemMember;
    this.resultMember = b.resultMember;
    this.resultLink = b.resultLink;
    this.resultUrl = b.resultUrl;
    this.cancelLink = b.cancelLink;
    this.cancelUrl = b.cancelUrl;
  }

  /**
   * A builder for a dialect named {@code name} (used in messages and by {@link JobDialects#byName}),
   * starting with: no locator, {@code idMember} {@code /id}, {@code statusMember} {@code /status}, no
   * status mapped, {@code maxUnmappedPolls} 3, no progress, problem, result or cancel.
   *
   * @throws IllegalArgumentException if {@code name} is null or blank
   */
  public static Builder builder(String name) {
    return new Builder().name(name);
  }

  /** A builder pre-filled with this dialect, e.g. to rename it or map one more status. */
  public Builder toBuilder() {
    Builder b = new Builder().name(name);
    b.locators.addAll(locators);
    b.idMember = idMember;
    b.statusMember = statusMember;
    b.statuses.putAll(statuses);
    b.statusRules.addAll(statusRules);
    b.maxUnmappedPolls = maxUnmappedPolls;
    b.progressMember = progressMember;
    b.problemMember = problemMember;
    b.resultMember = resultMember;
    b.resultLink = resultLink;
    b.resultUrl = resultUrl;
    b.cancelLink = cancelLink;
    b.cancelUrl = cancelUrl;
    return b;
  }

  /** The dialect's name, e.g. {@code "dpsim-service"}. */
  public String name() {
    return name;
  }

  /** The status values this dialect maps, and what to: raw value → status. */
  public Map<String, JobStatus> statuses() {
    return statuses;
  }

  /** Consecutive polls with an unmapped status before {@link UnmappedJobStatusException}; {@link Integer#MAX_VALUE} means never. */
  public int maxUnmappedPolls() {
    return maxUnmappedPolls;
  }

  /** Whether {@link JobHandle#cancel()} can ask the service to cancel a job of this dialect. */
  public boolean canCancel() {
    return cancelLink != null || cancelUrl != null;
  }

  List<Locator> locators() {
    return locators;
  }

  String idMember() {
    return idMember;
  }

  String statusMember() {
    return statusMember;
  }

  List<StatusRule> statusRules() {
    return statusRules;
  }

  String progressMember() {
    return progressMember;
  }

  String problemMember() {
    return problemMember;
  }

  String resultMember() {
    return resultMember;
  }

  String resultLink() {
    return resultLink;
  }

  String resultUrl() {
    return resultUrl;
  }

  String cancelLink() {
    return cancelLink;
  }

  String cancelUrl() {
    return cancelUrl;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof JobDialect)) {
      return false;
    }
    JobDialect that = (JobDialect) other;
    return name.equals(that.name) && locators.equals(that.locators) && idMember.equals(that.idMember)
        && Objects.equals(statusMember, that.statusMember) && statuses.equals(that.statuses)
        && statusRules.equals(that.statusRules) && maxUnmappedPolls == that.maxUnmappedPolls
        && Objects.equals(progressMember, that.progressMember) && Objects.equals(problemMember, that.problemMember)
        && Objects.equals(resultMember, that.resultMember) && Objects.equals(resultLink, that.resultLink)
        && Objects.equals(resultUrl, that.resultUrl) && Objects.equals(cancelLink, that.cancelLink)
        && Objects.equals(cancelUrl, that.cancelUrl);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, locators, statusMember, statuses);
  }

  @Override
  public String toString() {
    return "JobDialect{" + name + ", statuses=" + statuses + '}';
  }

  /** Builds a {@link JobDialect}; setters fail fast. Not thread-safe. */
  public static final class Builder {
    private String name;
    private final List<Locator> locators = new ArrayList<>();
    private String idMember = "/id";
    private String statusMember = "/status";
    private final Map<String, JobStatus> statuses = new LinkedHashMap<>();
    private final List<StatusRule> statusRules = new ArrayList<>();
    private int maxUnmappedPolls = 3;
    private String progressMember;
    private String problemMember;
    private String resultMember;
    private String resultLink;
    private String resultUrl;
    private String cancelLink;
    private String cancelUrl;

    private Builder() {}

    /**
     * The dialect's name.
     *
     * @throws IllegalArgumentException if null or blank
     */
    public Builder name(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("name must not be null or blank: " + name);
      }
      this.name = name;
      return this;
    }

    /** Finds the job at the URL in response header {@code header}, e.g. {@code Location}, {@code Operation-Location}. */
    public Builder locateByHeader(String header) {
      if (header == null || !header.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
        throw new IllegalArgumentException("locateByHeader takes a header name such as Location, was " + header);
      }
      locators.add(new Locator(LocatorKind.HEADER, header, null));
      return this;
    }

    /** Finds the job at the URL (absolute or relative to the response) in body member {@code pointer}, e.g. {@code /links/self/href}. */
    public Builder locateByLink(String pointer) {
      locators.add(new Locator(LocatorKind.LINK, JsonPointers.requireValid(pointer, "locateByLink"), null));
      return this;
    }

    /**
     * Finds the job by the id in body member {@code idPointer} (a string or an integer), at {@code
     * urlTemplate} with placeholders {@code {id}} and {@code {request}}, e.g. {@code ("/id",
     * "{request}/{id}")} for {@code POST /analysis} → {@code GET /analysis/5}.
     */
    public Builder locateByMember(String idPointer, String urlTemplate) {
      locators.add(new Locator(LocatorKind.MEMBER, JsonPointers.requireValid(idPointer, "locateByMember"),
          JobUrls.requireTemplate(urlTemplate, "locateByMember", true)));
      return this;
    }

    /** Where a job body has the job's id (a string or an integer); default {@code /id}. */
    public Builder idMember(String pointer) {
      this.idMember = JsonPointers.requireValid(pointer, "idMember");
      return this;
    }

    /** Where a job body has the status; default {@code /status}; null: none (status from rules only, else running). */
    public Builder statusMember(String pointer) {
      this.statusMember = pointer == null ? null : JsonPointers.requireValid(pointer, "statusMember");
      return this;
    }

    /** Maps the status member's {@code value} (a string, or a number written as digits) to {@code status}. */
    public Builder status(String value, JobStatus status) {
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException("status value must not be null or empty: " + value);
      }
      statuses.put(value, requireKnown(status, "status"));
      return this;
    }

    /**
     * The job has {@code status} when the member at {@code pointer} is non-empty (not null, not blank,
     * not an empty array or object); rules are checked in the order given, before the status member.
     */
    public Builder statusWhenNonEmpty(String pointer, JobStatus status) {
      statusRules.add(new StatusRule(JsonPointers.requireValid(pointer, "statusWhenNonEmpty"), requireKnown(status, "statusWhenNonEmpty")));
      return this;
    }

    /** Consecutive polls with an unmapped status before the wait fails (default 3); {@link Integer#MAX_VALUE}: never. */
    public Builder maxUnmappedPolls(int polls) {
      if (polls < 1) {
        throw new IllegalArgumentException("maxUnmappedPolls must be at least 1: " + polls);
      }
      this.maxUnmappedPolls = polls;
      return this;
    }

    /** Where a job body has progress: an object {@code {"percent":…,"message":…}} or a number 0..100. */
    public Builder progressMember(String pointer) {
      this.progressMember = JsonPointers.requireValid(pointer, "progressMember");
      return this;
    }

    /** Where a failed job's body says why: a Problem object, or any text (it becomes the problem's {@code detail}). */
    public Builder problemMember(String pointer) {
      this.problemMember = JsonPointers.requireValid(pointer, "problemMember");
      return this;
    }

    /** The result is inline: the member at {@code pointer} of the succeeded job's body ({@code ""}: the whole body), read as JSON. */
    public Builder resultMember(String pointer) {
      this.resultMember = JsonPointers.requireValid(pointer, "resultMember");
      return this;
    }

    /** The result is at the URL in body member {@code pointer} (e.g. {@code /links/result/href}), tried before {@code resultUrl}. */
    public Builder resultLink(String pointer) {
      this.resultLink = JsonPointers.requireValid(pointer, "resultLink");
      return this;
    }

    /** The result is at {@code urlTemplate} ({@code {location}}, {@code {id}}), e.g. {@code {location}/results}. */
    public Builder resultUrl(String urlTemplate) {
      this.resultUrl = JobUrls.requireTemplate(urlTemplate, "resultUrl", false);
      return this;
    }

    /** A {@code POST} to the URL in body member {@code pointer} cancels the job; tried before {@code cancelUrl}. */
    public Builder cancelLink(String pointer) {
      this.cancelLink = JsonPointers.requireValid(pointer, "cancelLink");
      return this;
    }

    /** A {@code POST} to {@code urlTemplate} ({@code {location}}, {@code {id}}) cancels the job. */
    public Builder cancelUrl(String urlTemplate) {
      this.cancelUrl = JobUrls.requireTemplate(urlTemplate, "cancelUrl", false);
      return this;
    }

    /**
     * @throws IllegalArgumentException without a locator, without a way to the result, with an inline
     *     result and a result link or URL, or with a status member but no status mapped
     */
    public JobDialect build() {
      if (locators.isEmpty()) {
        throw new IllegalArgumentException("Job dialect " + name + " needs a locateBy… setting to find the job");
      }
      if (resultMember == null && resultLink == null && resultUrl == null) {
        throw new IllegalArgumentException("Job dialect " + name + " needs resultMember, resultLink or resultUrl");
      }
      if (resultMember != null && (resultLink != null || resultUrl != null)) {
        throw new IllegalArgumentException("Job dialect " + name + ": resultMember (inline) excludes resultLink and resultUrl");
      }
      if (statusMember != null && statuses.isEmpty()) {
        throw new IllegalArgumentException("Job dialect " + name + " maps no status value of " + statusMember);
      }
      return new JobDialect(this);
    }

    private static JobStatus requireKnown(JobStatus status, String setting) {
      if (status == null || !status.isKnown()) {
        throw new IllegalArgumentException(setting + " maps only to the five statuses of JobStatus, was " + status);
      }
      return status;
    }
  }
}
