package snippets;

import java.time.Duration;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobHandle;
import org.lfenergy.sogno.sdk.async.kafka.DistributedJobs;
import org.lfenergy.sogno.sdk.async.kafka.DistributedJobsConfig;
import org.lfenergy.sogno.sdk.async.kafka.JobEventPublisher;
import org.lfenergy.sogno.sdk.async.kafka.JobEventWaiter;
import org.lfenergy.sogno.sdk.async.server.JobKinds;
import org.lfenergy.sogno.sdk.async.kafka.JobRuntime;
import org.lfenergy.sogno.sdk.async.server.JobContext;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.server.JobSubmission;
import org.lfenergy.sogno.sdk.async.server.http.JobEndpoints;
import org.lfenergy.sogno.sdk.kafka.EventPublisher;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;

/** sdk-async-kafka/README.md. */
class AsyncKafkaSnippets {
  record PowerFlowRequest(String gridId) {}

  interface Solver {
    Object solve(PowerFlowRequest request, JobContext context);
  }

  void distribute(Solver solver, EventPublisher eventPublisher, String user, PowerFlowRequest request) {
    // snippet-start:use
    JobKinds kinds = JobKinds.builder()                      // the allow-list: kind -> request type + handler
        .kind("powerflow", PowerFlowRequest.class, (input, ctx) -> solver.solve(input, ctx))
        .build();

    // local mode: JobManager jobs = JobManager.builder().build();
    DistributedJobs distributed = DistributedJobs.builder()  // distributed mode
        .kafka(KafkaConfig.fromEnvironment())
        .kinds(kinds)
        .config(DistributedJobsConfig.builder().workers(4).build())
        .listener(JobEventPublisher.create(eventPublisher))   // job events, see below
        .start();
    JobManager jobs = distributed.jobManager();

    Job job = jobs.submit(JobSubmission.builder("powerflow").owner(user).build(), kinds.work("powerflow", request));
    // snippet-end:use
  }

  void eitherMode(JobKinds kinds) {
    // snippet-start:runtime
    try (JobRuntime runtime = JobRuntime.fromEnvironment(kinds, JobManagerConfig.defaults())) {
      JobEndpoints endpoints = JobEndpoints.of(runtime.jobManager());   // same API in both modes
    }
    // snippet-end:runtime
  }

  void awaitByEvent(JobHandle<?> handle) {
    // snippet-start:waiter
    try (JobEventWaiter events = JobEventWaiter.start(KafkaConfig.fromEnvironment())) {
      Job done = events.awaitTerminal(handle, Duration.ofSeconds(30), Duration.ofMinutes(5));
    }
    // snippet-end:waiter
  }
}
