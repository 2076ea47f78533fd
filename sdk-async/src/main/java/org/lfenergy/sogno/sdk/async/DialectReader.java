package org.lfenergy.sogno.sdk.async;

import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import org.lfenergy.sogno.sdk.async.internal.AsyncJsonCodecs;
import org.lfenergy.sogno.sdk.async.internal.JsonPointers;
import org.lfenergy.sogno.sdk.core.JsonException;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.ResponseReader;
import org.lfenergy.sogno.sdk.core.SognoJson;

/**
 * Reads job bodies as a {@link JobDialect} describes them into {@link Job}s: the convention's through
 * the {@code Job} codec (every member kept), others member by member, with their members beyond the
 * convention's kept in {@link Job#extensions()}. Immutable and thread-safe.
 */
final class DialectReader {
  private final JobDialect dialect;
  private final boolean convention;

  DialectReader(JobDialect dialect) {
    this.dialect = dialect;
    this.convention = dialect.equals(JobDialects.sogno());
  }

  /**
   * Reads a poll answer ({@code requireStatus}: a body without status is a {@link JsonException}) or a
   * cancel answer (it reads as null); {@code knownId} is the job's id when the body names none. An
   * empty body reads as null.
   */
  ResponseReader<PolledJob> answers(String knownId, boolean requireStatus) {
    return (info, body, json) -> {
      if (body.length == 0) {
        return null;
      }
      if (convention) {
        return new PolledJob(json.read(body, Job.class), null, info);
      }
      Object document = json.readUntyped(body);
      Optional<Job> job = job(document, knownId, json);
      if (job.isEmpty() && requireStatus) {
        throw failure("has no status member " + dialect.statusMember());
      }
      return job.map(j -> new PolledJob(j, document, info)).orElse(null);
    };
  }

  /**
   * The job {@code document} shows; empty when it names no status (e.g. a start answer that echoes the
   * request).
   *
   * @throws JsonException when a member has the wrong type
   */
  Optional<Job> job(Object document, String knownId, SognoJson json) {
    if (convention) {
      boolean jobShaped = document instanceof Map && ((Map<?, ?>) document).get("status") != null;
      return jobShaped ? Optional.of(json.convert(document, Job.class)) : Optional.empty();
    }
    JobStatus status = status(document);
    if (status == null) {
      return Optional.empty();
    }
    String id = id(JsonPointers.get(document, dialect.idMember()), dialect.idMember());
    if (id == null && (knownId == null || knownId.isBlank())) {
      throw failure("names no job id at " + dialect.idMember());
    }
    Job.Builder job = Job.builder(id != null ? id : knownId, status);
    if (dialect.progressMember() != null) {
      job.progress(progress(JsonPointers.get(document, dialect.progressMember()), json));
    }
    if (status.equals(JobStatus.FAILED) && dialect.problemMember() != null) {
      job.problem(problem(JsonPointers.get(document, dialect.problemMember()), json));
    }
    link(job, Job.RESULT, document, dialect.resultLink());
    link(job, Job.CANCEL, document, dialect.cancelLink());
    if (document instanceof Map) {
      ((Map<?, ?>) document).forEach((name, value) -> {
        if (!AsyncJsonCodecs.JOB_MEMBERS.contains(name)) {
          job.extension(String.valueOf(name), value);
        }
      });
    }
    return Optional.of(job.build());
  }

  /**
   * The id in {@code value}: a non-blank string or an integer; null when absent.
   *
   * @throws JsonException for anything else
   */
  String id(Object value, String member) {
    if (value == null) {
      return null;
    }
    if (value instanceof String && !((String) value).isBlank()) {
      return (String) value;
    }
    if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
      return value.toString();
    }
    throw failure("member " + member + " must be a string or an integer job id, was " + describe(value));
  }

  private JobStatus status(Object document) {
    for (JobDialect.StatusRule rule : dialect.statusRules()) {
      if (JsonPointers.isNonEmpty(JsonPointers.get(document, rule.pointer()))) {
        return rule.status();
      }
    }
    if (dialect.statusMember() == null) {
      return JobStatus.RUNNING;
    }
    Object raw = JsonPointers.get(document, dialect.statusMember());
    if (raw == null) {
      return null;
    }
    if (!(raw instanceof String || raw instanceof Number || raw instanceof Boolean)) {
      throw failure("status member " + dialect.statusMember() + " must be a string or a number, was " + describe(raw));
    }
    String value = raw.toString();
    JobStatus mapped = dialect.statuses().get(value);
    return mapped != null ? mapped : JobStatus.unmapped(value);
  }

  private JobProgress progress(Object value, SognoJson json) {
    try {
      if (value instanceof Number) {
        return JobProgress.of(((Number) value).intValue(), null);
      }
      return value instanceof Map ? json.convert(value, JobProgress.class) : null;
    } catch (IllegalArgumentException e) {
      throw failure("progress member " + dialect.progressMember() + " must be 0..100, was " + describe(value));
    }
  }

  private Problem problem(Object value, SognoJson json) {
    if (value instanceof Map) {
      return json.convert(value, Problem.class);
    }
    if (!JsonPointers.isNonEmpty(value)) {
      return null; // JobFailedException then reports a bare 500 problem
    }
    return Problem.builder()
        .type(Problem.sdkType("job-failed"))
        .code("job-failed")
        .title("The job failed")
        .status(500)
        .detail(value.toString())
        .build();
  }

  private void link(Job.Builder job, String relation, Object document, String member) {
    Object href = member == null ? null : JsonPointers.get(document, member);
    if (href == null || (href instanceof String && ((String) href).isBlank())) {
      return;
    }
    try {
      job.link(relation, Link.of((String) href));
    } catch (ClassCastException | IllegalArgumentException e) {
      throw failure("link member " + member + " must be a URL, was " + describe(href));
    }
  }

  private JsonException failure(String what) {
    return new JsonException("The job body " + what + " (job dialect " + dialect.name() + ")", null);
  }

  private static String describe(Object value) {
    String text = String.valueOf(value);
    return text.length() > 80 ? text.substring(0, 80) + "…" : text;
  }
}
