package org.lfenergy.sogno.samples.powerflow;

import java.time.Duration;
import java.util.Locale;
import org.lfenergy.sogno.samples.powerflow.api.GridMapping;
import org.lfenergy.sogno.samples.powerflow.api.PowerFlowRequest;
import org.lfenergy.sogno.samples.powerflow.api.PowerFlowResults;
import org.lfenergy.sogno.samples.powerflow.contract.model.PowerFlowResult;
import org.lfenergy.sogno.samples.powerflow.contract.server.PowerflowsHandler.StartPowerFlowWork;
import org.lfenergy.sogno.samples.powerflow.solver.IterationProgress;
import org.lfenergy.sogno.samples.powerflow.solver.NewtonRaphsonSolver;
import org.lfenergy.sogno.samples.powerflow.solver.NotConvergedException;
import org.lfenergy.sogno.sdk.async.server.JobContext;
import org.lfenergy.sogno.sdk.async.server.JobFailureException;
import org.lfenergy.sogno.sdk.async.server.JobKinds;
import org.lfenergy.sogno.sdk.core.Problem;

/**
 * One power flow as a job: solves the validated request, reports progress after every Newton step,
 * stops when the job is cancelled, and fails with a {@code power-flow-not-converged} problem when the
 * grid has no solution within the options. {@link #KINDS} registers it as the job kind {@value #KIND}:
 * the durable job store keeps the kind and the request body, and runs the job again from them after a
 * restart.
 */
final class PowerFlowJob implements StartPowerFlowWork {
  static final String KIND = "powerflow";
  static final String NOT_CONVERGED = "power-flow-not-converged";

  private final PowerFlowRequest request;
  private final Duration iterationPause;

  PowerFlowJob(PowerFlowRequest request) {
    this(request, Duration.ZERO);
  }

  private PowerFlowJob(PowerFlowRequest request, Duration iterationPause) {
    this.request = request;
    this.iterationPause = iterationPause;
  }

  /**
   * The service's job kinds: {@value #KIND}, whose request is the body of {@code POST /v1/powerflows},
   * pausing {@code iterationPause} after each Newton step (zero but for demos and crash tests).
   */
  static JobKinds kinds(Duration iterationPause) {
    return JobKinds.builder()
        .kind(KIND, org.lfenergy.sogno.samples.powerflow.contract.model.PowerFlowRequest.class,
            (body, context) -> new PowerFlowJob(GridMapping.toDomain(body), iterationPause).run(context))
        .build();
  }

  @Override
  public PowerFlowResult run(JobContext context) {
    context.progress(0, "solving " + request.grid().buses().size() + " buses");
    try {
      return PowerFlowResults.of(request, NewtonRaphsonSolver.with(request.options())
          .solve(request.grid(), progress -> report(context, progress, iterationPause)));
    } catch (NotConvergedException e) {
      throw new JobFailureException(notConverged(e));
    }
  }

  private static void report(JobContext context, IterationProgress progress, Duration pause) {
    context.throwIfCancellationRequested();
    context.progress(progress.percentEstimate(), String.format(Locale.ROOT,
        "iteration %d: largest mismatch %.2e p.u.", progress.iteration(), progress.maxMismatchPu()));
    if (!pause.isZero()) {
      try {
        Thread.sleep(pause.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        context.throwIfCancellationRequested();
      }
    }
  }

  private static Problem notConverged(NotConvergedException e) {
    Problem.Builder problem = Problem.builder()
        .type(Problem.sdkType(NOT_CONVERGED))
        .code(NOT_CONVERGED)
        .status(422)
        .title("Power flow did not converge")
        .detail(e.getMessage())
        .extension("reason", e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .extension("iterations", e.iterations())
        .extension("worstBus", e.worstBus());
    if (Double.isFinite(e.maxMismatchPu())) {
      problem.extension("maxMismatchPu", e.maxMismatchPu());
    }
    return problem.build();
  }
}
