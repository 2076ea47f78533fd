package org.lfenergy.sogno.sdk.async.kafka;

import java.util.concurrent.CountDownLatch;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;
import org.lfenergy.sogno.sdk.async.server.JobKinds;

/**
 * A worker replica in a child JVM, for the process-kill tests: args = bootstrap servers, cluster
 * suffix, replica id, and optionally its slots sharing one share consumer (a fetch batch of that
 * many, on a one-partition cluster). Prints {@code READY} once started, {@code DONE <jobId>} when it
 * ran a job whose text starts with {@code quick}, and {@code RUNNING <jobId>} when it took any other
 * job, which then never ends on its own — the test kills the process (SIGKILL).
 */
public final class WorkerProcess {
  private WorkerProcess() {}

  public static void main(String[] args) throws Exception {
    JobKinds kinds = JobKinds.builder().kind("echo", DistributedJobsTest.Echo.class, (request, ctx) -> {
      if (request.text.startsWith("quick")) {
        System.out.println("DONE " + ctx.jobId());
        System.out.flush();
        return new DistributedJobsTest.Echo(request.text + " by " + args[2]);
      }
      System.out.println("RUNNING " + ctx.jobId());
      System.out.flush();
      new CountDownLatch(1).await();
      return null;
    }).build();
    if (args.length > 3) {
      int slots = Integer.parseInt(args[3]);
      Cluster.replicaBuilder(KafkaConfig.of(args[0]), args[1], args[2], slots, kinds, Cluster.batched(slots)).start();
    } else {
      Cluster.replicaBuilder(KafkaConfig.of(args[0]), args[1], args[2], 1, kinds).start();
    }
    System.out.println("READY");
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
