package ${package};

import java.util.List;
import java.util.Map;
import org.lfenergy.sogno.sdk.async.server.JobContext;
import org.lfenergy.sogno.sdk.async.server.JobWork;

/**
 * The job's work: adds up the values, reporting progress and honouring cancellation. Replace it with
 * your domain's computation; return the result object (written as JSON) or throw a
 * {@code JobFailureException} with a problem.
 */
final class CalculationJob implements JobWork {
  static final String KIND = "${serviceName}";

  private final List<Double> values;

  CalculationJob(List<Double> values) {
    this.values = List.copyOf(values);
  }

  @Override
  public Object run(JobContext context) {
    double sum = 0;
    for (int i = 0; i < values.size(); i++) {
      context.throwIfCancellationRequested();
      sum += values.get(i);
      if ((i + 1) % 10_000 == 0) {
        context.progress((int) (100L * (i + 1) / values.size()), (i + 1) + " values added");
      }
    }
    return Map.of("sum", sum, "count", values.size());
  }
}
