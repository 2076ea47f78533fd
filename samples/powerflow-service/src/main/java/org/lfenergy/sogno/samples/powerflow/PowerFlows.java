package org.lfenergy.sogno.samples.powerflow;

import java.util.List;
import org.lfenergy.sogno.samples.powerflow.api.GridMapping;
import org.lfenergy.sogno.samples.powerflow.api.InvalidRequestException;
import org.lfenergy.sogno.samples.powerflow.contract.model.PowerFlowResult;
import org.lfenergy.sogno.samples.powerflow.contract.server.PowerflowsHandler;
import org.lfenergy.sogno.sdk.async.server.JobKinds;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.async.server.JobManagerException;
import org.lfenergy.sogno.sdk.async.server.JobResult;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.server.ProblemException;
import org.lfenergy.sogno.sdk.core.server.ProblemResponse;
import org.lfenergy.sogno.sdk.core.server.Problems;

/**
 * The service's operations, implementing the interface generated from {@code openapi.yaml}. The SDK's
 * server runtime has already checked the body against the spec; what is left is what a schema cannot
 * say ({@link GridMapping}), and starting the job: {@code kinds.work(kind, body)}, so the durable job
 * store keeps the kind and the body and can run the job again after a restart. Thread-safe.
 */
final class PowerFlows implements PowerflowsHandler {
  private final JobKinds kinds;
  private final JobManager jobs;

  PowerFlows(JobKinds kinds, JobManager jobs) {
    this.kinds = kinds;
    this.jobs = jobs;
  }

  // snippet-start:handler
  @Override
  public StartPowerFlowResponse startPowerFlow(StartPowerFlowRequest request) {
    try {
      GridMapping.toDomain(request.body()); // what the schema cannot check; the job maps the body again
    } catch (InvalidRequestException e) {
      throw new ProblemException(validationProblem(e));
    }
    return StartPowerFlowResponse.accepted(kinds.work(PowerFlowJob.KIND, request.body()));
  }
  // snippet-end:handler

  /**
   * A page of the bus results of a power flow the caller started: the job's stored result, read as the
   * caller ({@code 404 job-not-found} for another principal's job, {@code 409} before it succeeded).
   */
  @Override
  public ListBusResultsResponse listBusResults(ListBusResultsRequest request) {
    JobResult result;
    try {
      result = jobs.result(request.jobId().toString(), request.context().principal().orElse(null));
    } catch (JobManagerException e) {
      ProblemResponse problem = ProblemResponse.of(e.problem());
      throw new ProblemException(e.retryAfter().map(problem::withRetryAfter).orElse(problem));
    }
    PowerFlowResult powerFlow = SognoJson.defaults().read(result.body(), PowerFlowResult.class);
    return ListBusResultsResponse.ok(BusPages.page(powerFlow.getBuses(), request.limit(), request.cursor()));
  }

  /** {@code 400 bad-request} for members wrong with their siblings, {@code 422} for an unsolvable grid. */
  static ProblemResponse validationProblem(InvalidRequestException e) {
    List<Problem.FieldError> errors = e.violations().stream()
        .map(v -> new Problem.FieldError(v.pointer(), v.detail(), v.code()))
        .toList();
    if (e.status() == 422) {
      return Problems.validationFailed(errors)
          .withProblem(p -> p.toBuilder().detail("The grid cannot be solved as described: "
              + errors.size() + " problem(s).").build());
    }
    return Problems.badRequest("The body does not match the PowerFlowRequest schema: "
        + errors.size() + " problem(s).").withProblem(p -> p.toBuilder().errors(errors).build());
  }
}
