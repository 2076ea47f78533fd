package ${package};

import java.util.List;
import ${package}.contract.model.CalculationResult;
import ${package}.contract.server.CalculationsHandler.StartCalculationWork;
import org.lfenergy.sogno.sdk.async.server.JobContext;

/**
 * The job's work: adds up the values, reporting progress and honouring cancellation. Replace it with
 * your domain's computation; return the result or throw a {@code JobFailureException} with a problem.
 */
final class CalculationJob implements StartCalculationWork {
  static final String KIND = "${serviceName}";

  private final List<Double> values;

  CalculationJob(List<Double> values) {
    this.values = List.copyOf(values);
  }

  @Override
  public CalculationResult run(JobContext context) {
    double sum = 0;
    for (int i = 0; i < values.size(); i++) {
      context.throwIfCancellationRequested();
      sum += values.get(i);
      if ((i + 1) % 10_000 == 0) {
        context.progress((int) (100L * (i + 1) / values.size()), (i + 1) + " values added");
      }
    }
    return new CalculationResult().sum(sum).count(values.size());
  }
}
