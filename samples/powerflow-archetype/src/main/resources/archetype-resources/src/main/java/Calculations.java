package ${package};

import ${package}.contract.server.CalculationsHandler;
import org.lfenergy.sogno.sdk.async.server.JobKinds;

/**
 * The service's operations, implementing the interface generated from {@code openapi.yaml}: when a
 * method runs, the runtime has already authenticated the caller and checked the request against the
 * spec, so the body is a valid {@code CalculationRequest}. Work is submitted as
 * {@code kinds.work(kind, request)}: the durable job store keeps the kind and the request, so the job
 * runs again after a restart. Stateless and thread-safe.
 */
final class Calculations implements CalculationsHandler {
  private final JobKinds kinds;

  Calculations(JobKinds kinds) {
    this.kinds = kinds;
  }

  @Override
  public StartCalculationResponse startCalculation(StartCalculationRequest request) {
    return StartCalculationResponse.accepted(
        kinds.work(CalculationJob.KIND, request.body()));
  }
}
