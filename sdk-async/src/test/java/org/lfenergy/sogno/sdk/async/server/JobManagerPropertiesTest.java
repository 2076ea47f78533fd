package org.lfenergy.sogno.sdk.async.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobStatus;
import org.lfenergy.sogno.sdk.core.Problem;

/**
 * The real {@link JobManager}, driven by random sequences of client and work actions: every job walks
 * a legal path of the lifecycle, ends exactly once, and ends the way a model of the convention says.
 */
class JobManagerPropertiesTest {
  enum Kind { SUBMIT, SUCCEED, FAIL, CANCEL }

  record Step(Kind kind, int job) {}

  @Provide
  Arbitrary<Step> steps() {
    return Arbitraries.of(Kind.values()).flatMap(kind -> Arbitraries.integers().between(0, 7).map(job -> new Step(kind, job)));
  }

  @Property(tries = 40)
  void everyJobFollowsTheLifecycleWhateverClientsAndWorkDo(@ForAll @Size(max = 20) List<@net.jqwik.api.From("steps") Step> steps) {
    Map<String, List<String>> events = new ConcurrentHashMap<>();
    JobListener recorder = change -> events.computeIfAbsent(change.job().id(), id -> new CopyOnWriteArrayList<>())
        .add(change.previous().map(JobStatus::value).orElse("new") + "->" + change.job().status());
    List<String> ids = new ArrayList<>();
    List<Outcome> outcomes = new ArrayList<>();
    List<JobStatus> model = new ArrayList<>();
    try (JobManager manager = JobManager.builder()
        .config(JobManagerConfig.builder().workers(24).queueCapacity(0).build()).listener(recorder).build()) {
      for (Step step : steps) {
        int i = step.job();
        if (step.kind() == Kind.SUBMIT) {
          Outcome outcome = new Outcome();
          outcomes.add(outcome);
          ids.add(manager.submit(JobSubmission.builder("p").owner("o").build(), outcome::await).id());
          model.add(JobStatus.RUNNING);
        } else if (i < ids.size()) {
          JobStatus expected = model.get(i);
          if (step.kind() == Kind.CANCEL) {
            if (expected.equals(JobStatus.SUCCEEDED) || expected.equals(JobStatus.FAILED)) {
              assertThatThrownBy(() -> manager.cancel(ids.get(i), "o")).isInstanceOf(JobManagerException.class);
            } else {
              manager.cancel(ids.get(i), "o");
              model.set(i, JobStatus.CANCELLED);
            }
          } else if (expected.equals(JobStatus.RUNNING)) {
            outcomes.get(i).release(step.kind() == Kind.SUCCEED);
            model.set(i, step.kind() == Kind.SUCCEED ? JobStatus.SUCCEEDED : JobStatus.FAILED);
          }
        }
        for (int j = 0; j < ids.size(); j++) {
          String id = ids.get(j);
          JobStatus settled = model.get(j);
          await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2))
              .until(() -> manager.get(id, "o").status().equals(settled));
        }
      }
      for (int j = 0; j < ids.size(); j++) {
        outcomes.get(j).release(true);
      }
    }
    for (String id : ids) {
      List<String> path = events.get(id);
      assertThat(path.subList(0, 2)).containsExactly("new->queued", "queued->running");
      assertThat(path).hasSize(3);
      assertThat(path.get(2)).isIn("running->succeeded", "running->failed", "running->cancelled");
    }
  }

  /** The work of one job: blocks until the property lets it succeed or fail. */
  private static final class Outcome {
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile boolean succeed;

    void release(boolean succeed) {
      this.succeed = succeed;
      released.countDown();
    }

    Object await(JobContext context) throws InterruptedException {
      released.await();
      if (!succeed) {
        throw new JobFailureException(Problem.builder().code("planned").status(500).title("Planned").build());
      }
      return "ok";
    }
  }
}
