package org.lfenergy.sogno.samples.powerflow;

import java.util.Locale;
import org.lfenergy.sogno.samples.powerflow.api.PowerFlowRequest;
import org.lfenergy.sogno.samples.powerflow.api.PowerFlowResults;
import org.lfenergy.sogno.samples.powerflow.contract.model.PowerFlowResult;
import org.lfenergy.sogno.samples.powerflow.contract.server.PowerflowsHandler.StartPowerFlowWork;
import org.lfenergy.sogno.samples.powerflow.solver.IterationProgress;
import org.lfenergy.sogno.samples.powerflow.solver.NewtonRaphsonSolver;
import org.lfenergy.sogno.samples.powerflow.solver.NotConvergedException;
import org.lfenergy.sogno.sdk.async.server.JobContext;
import org.lfenergy.sogno.sdk.async.server.JobFailureException;
import org.lfenergy.sogno.sdk.core.Problem;

/**
 * One power flow as a job: solves the validated request, reports progress after every Newton step,
 * stops when the job is cancelled, and fails with a {@code power-flow-not-converged} problem when the
 * grid has no solution within the options.
 */
final class PowerFlowJob implements StartPowerFlowWork {
  static final String KIND = "powerflow";
  static final String NOT_CONVERGED = "power-flow-not-converged";

  private final PowerFlowRequest request;

  PowerFlowJob(PowerFlowRequest request) {
    this.request = request;
  }

  @Override
  public PowerFlowResult run(JobContext context) {
    context.progress(0, "solving " + request.grid().buses().size() + " buses");
    try {
      return PowerFlowResults.of(request, NewtonRaphsonSolver.with(request.options())
          .solve(request.grid(), progress -> report(context, progress)));
    } catch (NotConvergedException e) {
      throw new JobFailureException(notConverged(e));
    }
  }

  private static void report(JobContext context, IterationProgress progress) {
    context.throwIfCancellationRequested();
    context.progress(progress.percentEstimate(), String.format(Locale.ROOT,
        "iteration %d: largest mismatch %.2e p.u.", progress.iteration(), progress.maxMismatchPu()));
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
