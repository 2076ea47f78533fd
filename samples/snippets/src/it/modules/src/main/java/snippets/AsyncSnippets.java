package snippets;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.lfenergy.sogno.sdk.async.JobFailedException;
import org.lfenergy.sogno.sdk.async.JobHandle;
import org.lfenergy.sogno.sdk.async.JobProgress;
import org.lfenergy.sogno.sdk.async.JobTimeoutException;
import org.lfenergy.sogno.sdk.async.server.JobListener;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.server.JobWork;
import org.lfenergy.sogno.sdk.async.server.http.JdkHttpServerAdapter;
import org.lfenergy.sogno.sdk.async.server.http.JobEndpoints;
import org.lfenergy.sogno.sdk.async.server.http.ServerRequest;
import org.lfenergy.sogno.sdk.async.server.http.ServerResponse;
import org.lfenergy.sogno.sdk.async.server.http.TrustedProxies;
import org.lfenergy.sogno.sdk.core.ApiRequest;
import org.lfenergy.sogno.sdk.core.Authentication;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.ResponseReader;
import org.lfenergy.sogno.sdk.core.SognoClient;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** sdk-async/README.md. */
class AsyncSnippets {
  private static final Logger log = LoggerFactory.getLogger(AsyncSnippets.class);

  record PowerflowInput(String gridId) {}

  record PowerflowResult(boolean converged) {}

  private SognoClient client;

  void waitForAJob(String token, PowerflowInput input) {
    // snippet-start:client
    SognoClient client = SognoClient.builder()
        .baseUrl("https://platform.example/api/powerflow")
        .authentication(Authentication.bearer(token))
        .build();

    JobHandle<PowerflowResult> job = JobHandle.start(client,
        ApiRequest.builder("POST", "/v1/powerflows").jsonBody(input).build(),
        ResponseReader.json(PowerflowResult.class));

    job = job.withUpdateListener(j -> log.info("{} {}", j.status(), j.progress().flatMap(JobProgress::percent).orElse(0)));
    try {
      PowerflowResult result = job.waitForCompletion(Duration.ofMinutes(10));
    } catch (JobFailedException e) {
      Problem why = e.problem();          // the job's own problem, as the server recorded it
    } catch (JobTimeoutException e) {
      job.cancel();                       // the job goes on unless you cancel it
    }
    // snippet-end:client
  }

  // snippet-start:generated
  public JobHandle<PowerflowResult> beginRunPowerflow(PowerflowInput input) {
    return JobHandle.start(client, ApiRequest.builder("POST", "/v1/powerflows").jsonBody(input).build(),
        ResponseReader.json(PowerflowResult.class));
  }
  // snippet-end:generated

  JobEndpoints runJobs(JobListener kafkaJobEvents, ServerRequest request, PowerflowResult result) {
    // snippet-start:server
    JobManager jobs = JobManager.builder()
        .config(JobManagerConfig.builder().workers(4).queueCapacity(200).ttl(Duration.ofHours(48)).build())
        .listener(kafkaJobEvents)               // JobListener SPI, e.g. from sogno-sdk-kafka
        .build();
    JobEndpoints endpoints = JobEndpoints.of(jobs, TrustedProxies.of("10.0.0.0/8"), SognoJson.defaults());

    // In any framework: turn the request into a ServerRequest, write back the ServerResponse.
    CompletableFuture<ServerResponse> started = endpoints.submit(request, "powerflow", ctx -> {
      for (int i = 1; i <= 20; i++) {
        ctx.throwIfCancellationRequested();
        ctx.progress(i * 5, "iteration " + i);
        step();
      }
      return result;                           // written as JSON; return a JobResult for other media types
    });
    CompletableFuture<ServerResponse> other = endpoints.handle(request);   // GET job, GET result, POST cancel
    // snippet-end:server
    return endpoints;
  }

  void serve(JobEndpoints endpoints) throws IOException {
    // snippet-start:jdk-server
    HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/v1/jobs", JdkHttpServerAdapter.of(endpoints::handle));
    server.createContext("/v1/powerflows",
        JdkHttpServerAdapter.of(request -> endpoints.submit(request, "powerflow", work(request))));
    server.start();
    // snippet-end:jdk-server
  }

  private static void step() {
  }

  private static JobWork work(ServerRequest request) {
    return ctx -> new PowerflowResult(true);
  }
}
