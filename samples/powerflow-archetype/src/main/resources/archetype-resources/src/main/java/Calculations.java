package ${package};

import ${package}.contract.server.CalculationsHandler;

/**
 * The service's operations, implementing the interface generated from {@code openapi.yaml}: when a
 * method runs, the runtime has already checked the request against the spec, so the body is a valid
 * {@code CalculationRequest}. Stateless and thread-safe.
 */
final class Calculations implements CalculationsHandler {

  @Override
  public StartCalculationResponse startCalculation(StartCalculationRequest request) {
    return StartCalculationResponse.accepted(CalculationJob.KIND, new CalculationJob(request.body().getValues()));
  }
}
