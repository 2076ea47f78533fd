package org.lfenergy.sogno.sdk.async.kafka;

import java.util.concurrent.CountDownLatch;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;
import org.lfenergy.sogno.sdk.async.server.JobKinds;

/**
 * A worker replica in a child JVM, for the process-kill test: args = bootstrap servers, cluster
 * suffix, replica id. Prints {@code READY} once started and {@code RUNNING <jobId>} when it took a
 * job, which then never ends on its own — the test kills the process (SIGKILL).
 */
public final class WorkerProcess {
  private WorkerProcess() {}

  public static void main(String[] args) throws Exception {
    JobKinds kinds = JobKinds.builder().kind("echo", DistributedJobsTest.Echo.class, (request, ctx) -> {
      System.out.println("RUNNING " + ctx.jobId());
      System.out.flush();
      new CountDownLatch(1).await();
      return null;
    }).build();
    Cluster.replicaBuilder(KafkaConfig.of(args[0]), args[1], args[2], 1, kinds).start();
    System.out.println("READY");
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
