package org.lfenergy.sogno.sdk.async.kafka;

import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.server.JobKinds;
import org.lfenergy.sogno.sdk.async.server.JobSubmission;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.core.testing.ChildJvm;
import org.lfenergy.sogno.sdk.kafka.EventPublisher;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;

/**
 * A program run in a child JVM by {@link WithoutOptionalLibrariesTest}: a replica with one worker, its
 * job events published and awaited, observability configured with nothing in it; args = bootstrap
 * servers, cluster suffix, job-events topic. Prints the terminal state the waiter saw.
 */
public final class JobsProgram {
  static final String LAST_LINE = "main returns";

  private JobsProgram() {}

  public static void main(String[] args) throws Exception {
    ChildJvm.printOptionalLibraries();
    KafkaConfig kafka = KafkaConfig.of(args[0]);
    JobKinds kinds = JobKinds.builder()
        .kind("echo", DistributedJobsTest.Echo.class, (request, ctx) -> new DistributedJobsTest.Echo(request.text))
        .build();
    try (EventPublisher publisher = EventPublisher.builder().kafka(kafka).source(URI.create("/sogno/test")).build();
        JobEventWaiter waiter = JobEventWaiter.builder().kafka(kafka).topic(args[2])
            .observability(ObservabilityConfig.defaults()).start();
        DistributedJobs jobs = Cluster.replicaBuilder(kafka, args[1], "child", 1, kinds)
            .observability(ObservabilityConfig.defaults())
            .listener(JobEventPublisher.create(publisher, args[2])).start()) {
      Job job = jobs.jobManager().submit(JobSubmission.builder("echo").build(),
          kinds.work("echo", new DistributedJobsTest.Echo("hello")));
      CompletableFuture<Job> terminal = waiter.terminal(job.id());
      if (jobs.jobManager().get(job.id(), null).isTerminal()) { // ended before the wait began
        terminal.complete(jobs.jobManager().get(job.id(), null));
      }
      System.out.println("job " + terminal.get(60, TimeUnit.SECONDS).status().value());
    }
    System.out.println(LAST_LINE);
  }
}
