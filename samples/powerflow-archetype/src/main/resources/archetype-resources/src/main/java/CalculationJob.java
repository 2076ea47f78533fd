package ${package};

import java.time.Duration;
import java.util.List;
import ${package}.contract.model.CalculationRequest;
import ${package}.contract.model.CalculationResult;
import org.lfenergy.sogno.sdk.async.server.JobContext;

/**
 * The job's work: adds up the values, reporting progress and honouring cancellation. Replace it with
 * your domain's computation; return the result or throw a {@code JobFailureException} with a problem.
 */
final class CalculationJob {
  static final String KIND = "${serviceName}";

  private final List<Double> values;
  private final Duration pause;

  CalculationJob(CalculationRequest request, Duration pause) {
    this.values = List.copyOf(request.getValues());
    this.pause = pause;
  }

  CalculationResult run(JobContext context) throws InterruptedException {
    double sum = 0;
    for (int i = 0; i < values.size(); i++) {
      context.throwIfCancellationRequested();
      sum += values.get(i);
      if (!pause.isZero()) {
        Thread.sleep(pause.toMillis());
      }
      if (!pause.isZero() || (i + 1) % 10_000 == 0) {
        context.progress((int) (100L * (i + 1) / values.size()), (i + 1) + " values added");
      }
    }
    return new CalculationResult().sum(sum).count(values.size());
  }
}
