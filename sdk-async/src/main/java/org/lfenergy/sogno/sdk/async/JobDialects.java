package org.lfenergy.sogno.sdk.async;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Ready-made {@link JobDialect}s: the platform's convention and the job APIs of the platform's
 * services as they are today, each modelled on the service's published source and spec (named
 * below). Look one up by name with {@link #byName} — the name a generated client or a configuration
 * file uses. Thread-safe; the dialects are shared immutable instances.
 */
public final class JobDialects {
  private static final JobDialect SOGNO = JobDialect.builder("sogno")
      .locateByHeader("Location")
      .locateByLink("/links/self/href")
      .status("queued", JobStatus.QUEUED)
      .status("running", JobStatus.RUNNING)
      .status("succeeded", JobStatus.SUCCEEDED)
      .status("failed", JobStatus.FAILED)
      .status("cancelled", JobStatus.CANCELLED)
      .maxUnmappedPolls(Integer.MAX_VALUE)
      .progressMember("/progress")
      .problemMember("/problem")
      .resultLink("/links/result/href")
      .resultUrl("{location}/result")
      .cancelLink("/links/cancel/href")
      .cancelUrl("{location}/cancel")
      .build();

  private static final JobDialect DPSIM_SERVICE = fourStatuses(locatedAt("dpsim-service", "/analysis_id")
      .locateByMember("/id", "{request}/{id}"), "requested", "running", "complete", "error")
      .resultUrl("{location}/results")
      .build();

  private static final JobDialect PGM_SERVICE = fourStatuses(locatedAt("pgm-service", "/id"),
      "created", "running", "success", "failed")
      .problemMember("/details")
      .resultMember("/result")
      .build();

  private static final JobDialect OPENSTEF_API = fourStatuses(locatedAt("openstef-api", "/job_id").idMember("/job_id"),
      "pending", "doing", "success", "failed")
      .resultMember("")
      .build();

  private static final JobDialect DPSIM_API = locatedAt("dpsim-api", "/simulation_id")
      .idMember("/simulation_id")
      .statusMember(null)
      .statusWhenNonEmpty("/error", JobStatus.FAILED)
      .statusWhenNonEmpty("/results_data", JobStatus.SUCCEEDED)
      .problemMember("/error")
      .resultMember("/results_data")
      .build();

  private static final Map<String, JobDialect> BY_NAME = new LinkedHashMap<>();

  static {
    for (JobDialect dialect : new JobDialect[] {SOGNO, DPSIM_SERVICE, PGM_SERVICE, OPENSTEF_API, DPSIM_API}) {
      BY_NAME.put(dialect.name(), dialect);
    }
  }

  private JobDialects() {}

  /**
   * The start of a service's dialect: the job is at the answer's {@code Location}, else at {@code
   * {request}/{id}} with the id read from the answer's member {@code idPointer}.
   */
  private static JobDialect.Builder locatedAt(String name, String idPointer) {
    return JobDialect.builder(name).locateByHeader("Location").locateByMember(idPointer, "{request}/{id}");
  }

  /** Maps a service's four status values, in the order queued, running, succeeded, failed. */
  private static JobDialect.Builder fourStatuses(JobDialect.Builder dialect, String queued, String running,
      String succeeded, String failed) {
    return dialect.status(queued, JobStatus.QUEUED).status(running, JobStatus.RUNNING)
        .status(succeeded, JobStatus.SUCCEEDED).status(failed, JobStatus.FAILED);
  }

  /**
   * {@code "sogno"}: the platform's async-job convention ({@code docs/api-guidelines.md}, SOGNO-600
   * to 605), the default of {@link JobHandle}. The job is at {@code Location} (else the body's {@code
   * links.self.href}); statuses are the five of {@link JobStatus}, and an unknown value is not
   * terminal, polled through without limit (the status is an extensible enum); progress, problem,
   * {@code links.result} (else {@code {location}/result}) and {@code links.cancel} (else {@code
   * {location}/cancel}) as the job resource has them.
   */
  public static JobDialect sogno() {
    return SOGNO;
  }

  /**
   * {@code "dpsim-service"}: sogno-platform/dpsim-service ({@code openapi.yaml}, {@code
   * dpsimadapter.py}). {@code POST /analysis} answers {@code 200} with the request and an integer
   * {@code analysis_id} (or {@code id}); {@code GET /analysis/{id}} gives {@code {"id":…,"status":…}}
   * with {@code requested → queued}, {@code running}, {@code complete → succeeded}, {@code error →
   * failed}; the result is the text at {@code GET /analysis/{id}/results}. The service says nothing
   * about an error (its logs are at {@code /analysis/{id}/logs}), so a failure has a bare problem. Its
   * {@code not_requested_yet} (an id never started) is deliberately unmapped: it fails the wait after
   * three polls. No cancel.
   */
  public static JobDialect dpsimService() {
    return DPSIM_SERVICE;
  }

  /**
   * {@code "pgm-service"}: sogno-platform/pgm-service ({@code pgm_powerflow/router.py}, {@code
   * aux_models.py}). {@code POST /pgm_powerflow/} answers {@code 200} with the job: a string {@code
   * id}, {@code status} {@code created → queued}, {@code running}, {@code success → succeeded}, {@code
   * failed}; {@code GET /pgm_powerflow/{id}} the same. A failure's text is in {@code details} (it
   * becomes the problem's detail); the result is inline in the job's {@code result}. No cancel.
   */
  public static JobDialect pgmService() {
    return PGM_SERVICE;
  }

  /**
   * {@code "openstef-api"}: sogno-platform/openstef-api ({@code app/schemas/v2/job.py}, {@code
   * routers/v2/training}). {@code POST /v2/training/} (and the prediction routes) answer {@code 200}
   * with the job: an id in {@code job_id} and {@code status} {@code pending → queued}, {@code doing →
   * running}, {@code success → succeeded}, {@code failed}; {@code GET …/{job_id}} the same. The job
   * resource is its own result (the whole body is handed to the result reader). No problem member, no
   * cancel.
   */
  public static JobDialect openstefApi() {
    return OPENSTEF_API;
  }

  /**
   * {@code "dpsim-api"}: sogno-platform/dpsim-api ({@code src/routes.rs}; the platform's {@code
   * dpsim-api.openapi.json}). {@code POST /simulation} answers {@code 200} with a {@code Simulation}:
   * an integer {@code simulation_id}, {@code error} and {@code results_data} empty strings; {@code GET
   * /simulation/{id}} fills {@code results_data} from the results file once the worker wrote it. There
   * is no status member: a non-empty {@code error} means failed (its text becomes the problem's
   * detail), a non-empty {@code results_data} succeeded — the result, inline, a JSON string — else
   * running. No cancel.
   */
  public static JobDialect dpsimApi() {
    return DPSIM_API;
  }

  /**
   * The ready-made dialect named {@code name}: {@code sogno}, {@code dpsim-service}, {@code
   * pgm-service}, {@code openstef-api}, {@code dpsim-api}.
   *
   * @throws IllegalArgumentException naming the known names for any other
   */
  public static JobDialect byName(String name) {
    JobDialect dialect = name == null ? null : BY_NAME.get(name);
    if (dialect == null) {
      throw new IllegalArgumentException("No ready-made job dialect named " + name + "; known: " + BY_NAME.keySet());
    }
    return dialect;
  }

  /** The names {@link #byName} knows, in the order above. */
  public static Set<String> names() {
    return Collections.unmodifiableSet(BY_NAME.keySet());
  }
}
