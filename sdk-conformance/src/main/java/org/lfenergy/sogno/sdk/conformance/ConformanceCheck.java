package org.lfenergy.sogno.sdk.conformance;

import org.lfenergy.sogno.sdk.lint.Level;

/**
 * What the checker verifies on a running service, each tied to the rule of the SOGNO API guidelines
 * ({@code docs/api-guidelines.md}) it tests and that rule's level.
 */
public enum ConformanceCheck {
  /** The spec loads: a spec that does not is reported with its location and nothing is sent. */
  SPEC_LOADS("SOGNO-101", Level.MUST, "the spec loads"),
  /** A success status the operation documents; a 2xx the spec does not list breaks generated clients. */
  SUCCESS_STATUS_DOCUMENTED("SOGNO-100", Level.MUST, "success statuses are documented"),
  /** An error status the operation documents. */
  ERROR_STATUS_DOCUMENTED("SOGNO-302", Level.SHOULD, "error statuses are documented"),
  /** The body has a documented content type and matches the documented schema. */
  BODY_MATCHES_SPEC("SOGNO-100", Level.MUST, "bodies match the documented content type and schema"),
  /** Every 4xx/5xx is {@code application/problem+json} whose {@code status} equals the HTTP status. */
  ERRORS_ARE_PROBLEMS("SOGNO-301", Level.MUST, "errors are application/problem+json with the HTTP status"),
  /** A request that breaks one constraint of the spec gets a 4xx: never a 5xx, never a success. */
  INVALID_REQUEST_REJECTED("SOGNO-301", Level.MUST, "invalid requests get a 4xx problem"),
  /** A wrong method on a known path gets {@code 405} with {@code Allow}. */
  WRONG_METHOD_IS_405("SOGNO-300", Level.MUST, "a wrong method gets 405 with Allow"),
  /** {@code X-Request-ID} is echoed exactly once and equal to the one sent. */
  REQUEST_ID_ECHOED("SOGNO-305", Level.MUST, "X-Request-ID is echoed once, unchanged"),
  /** An operation with security refuses a request without credentials with {@code 401}. */
  AUTHENTICATION_REQUIRED("SOGNO-700", Level.MUST, "secured operations need credentials"),
  /** A {@code 401} carries {@code WWW-Authenticate}. */
  UNAUTHORIZED_CHALLENGES("SOGNO-703", Level.MUST, "401 carries WWW-Authenticate"),
  /** An operation documented with {@code 202} starts a job: it answers {@code 202}, not {@code 200}. */
  LONG_RUNNING_IS_JOB("SOGNO-600", Level.MUST, "long-running work answers 202"),
  /** A {@code 202} carries {@code Location} and {@code Retry-After}. */
  JOB_ACCEPTED_HEADERS("SOGNO-601", Level.MUST, "202 carries Location and Retry-After"),
  /** The job resource has the job shape and status vocabulary. */
  JOB_RESOURCE("SOGNO-602", Level.MUST, "the job resource has the job shape"),
  /** {@code Prefer: wait=N} is answered with {@code Preference-Applied} when honoured. */
  PREFER_WAIT_HONOURED("SOGNO-603", Level.SHOULD, "Prefer: wait=N is honoured and said so"),
  /** The job named by {@code Location} goes through queued/running to a terminal state. */
  JOB_LIFECYCLE("SOGNO-605", Level.MUST, "jobs reach a terminal state and stay there"),
  /** {@code /health/live} and {@code /health/ready} answer. */
  HEALTH_PROBES("SOGNO-800", Level.MUST, "health probes answer");

  private final String ruleId;
  private final Level level;
  private final String title;

  ConformanceCheck(String ruleId, Level level, String title) {
    this.ruleId = ruleId;
    this.level = level;
    this.title = title;
  }

  /** The guideline rule this check tests, e.g. {@code SOGNO-301}. */
  public String ruleId() {
    return ruleId;
  }

  /** The rule's level: a {@link Level#MUST} finding fails a run. */
  public Level level() {
    return level;
  }

  /** What holds when the check passes, in a few words. */
  public String title() {
    return title;
  }
}
