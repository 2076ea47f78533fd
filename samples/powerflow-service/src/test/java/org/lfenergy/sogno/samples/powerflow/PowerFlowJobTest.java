package org.lfenergy.sogno.samples.powerflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.samples.powerflow.api.PowerFlowRequest;
import org.lfenergy.sogno.samples.powerflow.contract.model.PowerFlowResult;
import org.lfenergy.sogno.sdk.async.server.JobContext;
import org.lfenergy.sogno.sdk.async.server.JobFailureException;

class PowerFlowJobTest {
  /** Records what the job reports; cancellation is requested after {@code cancelAfter} reports. */
  private static final class RecordingContext implements JobContext {
    final List<String> messages = new ArrayList<>();
    final List<Integer> percents = new ArrayList<>();
    final int cancelAfter;

    RecordingContext(int cancelAfter) {
      this.cancelAfter = cancelAfter;
    }

    @Override
    public String jobId() {
      return "test-job";
    }

    @Override
    public void progress(int percent, String message) {
      percents.add(percent);
      messages.add(message);
    }

    @Override
    public boolean isCancellationRequested() {
      return messages.size() > cancelAfter;
    }
  }

  private static PowerFlowRequest ieee14(int maxIterations) {
    return Ieee14.toDomain(
        JsonEdits.set(Ieee14.requestTree(), "/options/maxIterations", maxIterations));
  }

  @Test
  void reportsProgressAfterEveryNewtonStep() {
    RecordingContext context = new RecordingContext(Integer.MAX_VALUE);

    PowerFlowResult result = new PowerFlowJob(ieee14(20)).run(context);

    assertThat(context.messages).hasSize(result.getIterations() + 1);
    assertThat(context.messages.get(0)).isEqualTo("solving 14 buses");
    assertThat(context.messages.get(1)).matches("iteration 1: largest mismatch \\d\\.\\d\\de[-+]\\d+ p\\.u\\.");
    assertThat(context.percents).isSorted().endsWith(100);
  }

  @Test
  void stopsSolvingOnceCancellationIsRequested() {
    RecordingContext context = new RecordingContext(1);

    assertThatThrownBy(() -> new PowerFlowJob(ieee14(20)).run(context))
        .isInstanceOf(CancellationException.class);
    assertThat(context.messages).hasSize(2);
  }

  @Test
  void failsWithANotConvergedProblemNamingTheReason() {
    assertThatThrownBy(() -> new PowerFlowJob(ieee14(2)).run(new RecordingContext(100)))
        .isInstanceOfSatisfying(JobFailureException.class, e -> {
          assertThat(e.problem().code()).isEqualTo("power-flow-not-converged");
          assertThat(e.problem().status()).isEqualTo(422);
          assertThat(e.problem().extensions())
              .containsEntry("reason", "iteration-limit")
              .containsEntry("iterations", 2)
              .containsKeys("worstBus", "maxMismatchPu");
        });
  }
}
