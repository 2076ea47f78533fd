package org.lfenergy.sogno.samples.powerflow;

import java.util.List;
import org.lfenergy.sogno.samples.powerflow.api.GridMapping;
import org.lfenergy.sogno.samples.powerflow.api.InvalidRequestException;
import org.lfenergy.sogno.samples.powerflow.api.PowerFlowRequest;
import org.lfenergy.sogno.samples.powerflow.contract.server.PowerflowsHandler;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.server.ProblemException;
import org.lfenergy.sogno.sdk.core.server.ProblemResponse;
import org.lfenergy.sogno.sdk.core.server.Problems;

/**
 * The service's operations, implementing the interface generated from {@code openapi.yaml}. The SDK's
 * server runtime has already checked the body against the spec; what is left is what a schema cannot
 * say ({@link GridMapping}), and starting the job. Stateless and thread-safe.
 */
final class PowerFlows implements PowerflowsHandler {

  // snippet-start:handler
  @Override
  public StartPowerFlowResponse startPowerFlow(StartPowerFlowRequest request) {
    PowerFlowRequest input;
    try {
      input = GridMapping.toDomain(request.body());
    } catch (InvalidRequestException e) {
      throw new ProblemException(validationProblem(e));
    }
    return StartPowerFlowResponse.accepted(PowerFlowJob.KIND, new PowerFlowJob(input));
  }
  // snippet-end:handler

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
