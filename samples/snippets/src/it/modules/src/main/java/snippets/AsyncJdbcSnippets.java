package snippets;

import java.nio.file.Path;
import java.time.Duration;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.jdbc.DurableJobs;
import org.lfenergy.sogno.sdk.async.jdbc.DurableJobsConfig;
import org.lfenergy.sogno.sdk.async.jdbc.JdbcJobStore;
import org.lfenergy.sogno.sdk.async.jdbc.JdbcJobStores;
import org.lfenergy.sogno.sdk.async.server.JobContext;
import org.lfenergy.sogno.sdk.async.server.JobKinds;
import org.lfenergy.sogno.sdk.async.server.JobListener;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.server.JobSubmission;
import org.lfenergy.sogno.sdk.async.server.http.JobEndpoints;

/** sdk-async-jdbc/README.md. */
class AsyncJdbcSnippets {
  record PowerFlowRequest(String grid) {}

  record PowerFlowResult(boolean converged) {}

  interface Solver {
    PowerFlowResult solve(PowerFlowRequest request, JobContext context);
  }

  void fromEnvironment(Solver solver, String user, PowerFlowRequest request) {
    // snippet-start:use
    JobKinds kinds = JobKinds.builder()
        .kind("powerflow", PowerFlowRequest.class, (input, ctx) -> solver.solve(input, ctx))
        .build();

    try (DurableJobs jobs = DurableJobs.fromEnvironment(kinds, JobManagerConfig.defaults())) {
      JobEndpoints endpoints = JobEndpoints.of(jobs.jobManager());        // same API as in memory
      Job job = jobs.jobManager().submit(JobSubmission.builder("powerflow").owner(user).build(),
          kinds.work("powerflow", request));
    }
    // snippet-end:use
  }

  DurableJobs pieces(JobKinds kinds, JobListener jobEvents) {
    // snippet-start:pieces
    JdbcJobStore store = JdbcJobStores.embedded(Path.of("/var/lib/powerflow/jobs"));
    // or JdbcJobStores.open("jdbc:postgresql://db:5432/powerflow", user, password)
    // or JdbcJobStore.builder(yourDataSource).build()
    DurableJobs jobs = DurableJobs.builder(store, kinds)
        .config(DurableJobsConfig.builder().workers(4).leaseDuration(Duration.ofSeconds(30)).build())
        .managerConfig(JobManagerConfig.builder().ttl(Duration.ofHours(48)).build())
        .listener(jobEvents)
        .start();
    // snippet-end:pieces
    return jobs;
  }
}
