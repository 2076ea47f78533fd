package org.lfenergy.sogno.sdk.async.jdbc.testing;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import org.lfenergy.sogno.sdk.async.jdbc.DurableJobs;
import org.lfenergy.sogno.sdk.async.jdbc.DurableJobsConfig;
import org.lfenergy.sogno.sdk.async.jdbc.JdbcJobStore;
import org.lfenergy.sogno.sdk.async.jdbc.JdbcJobStores;
import org.lfenergy.sogno.sdk.async.server.JobContext;
import org.lfenergy.sogno.sdk.async.server.JobKinds;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.server.http.JdkHttpServerAdapter;
import org.lfenergy.sogno.sdk.async.server.http.JobEndpoints;
import org.lfenergy.sogno.sdk.async.server.http.TrustedProxies;
import org.lfenergy.sogno.sdk.core.SognoJson;

/**
 * A service with durable jobs in a child JVM, for crash tests (killed with SIGKILL, never closed):
 * {@code POST /v1/greetings} starts a job of kind {@code greeting} whose work records that it started
 * (a line in {@code <control>/started-<jobId>}) and then waits for the file {@code <control>/release}.
 *
 * <p>Arguments: the JDBC URL (or {@code dir:<path>} for the embedded default), the HTTP port (0: any),
 * the control directory, the replica id, the lease in seconds, optionally the workers (2). Prints {@code READY <port>} once it
 * serves.
 */
public final class DurableServiceProcess {
  /** The request of a greeting job. */
  public record Greeting(String name) {}

  private DurableServiceProcess() {}

  public static void main(String[] args) throws Exception {
    String database = args[0];
    int port = Integer.parseInt(args[1]);
    Path control = Path.of(args[2]);
    int workers = args.length > 5 ? Integer.parseInt(args[5]) : 2;
    DurableJobsConfig config = DurableJobsConfig.builder().replicaId(args[3]).workers(workers)
        .leaseDuration(Duration.ofSeconds(Long.parseLong(args[4]))).pollInterval(Duration.ofMillis(200)).build();
    JdbcJobStore store = database.startsWith("dir:")
        ? JdbcJobStores.fromEnvironment(Map.of(JdbcJobStores.DIR_VARIABLE, database.substring(4)))
        : JdbcJobStores.open(database, "postgres", "");
    JobKinds kinds = greetingKinds(control, args[3]);
    DurableJobs jobs = DurableJobs.builder(store, kinds).config(config)
        .managerConfig(JobManagerConfig.builder().ownerScoped(false).build()).start();
    JobEndpoints endpoints = JobEndpoints.of(jobs.jobManager(), TrustedProxies.none(), SognoJson.defaults());
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
    http.setExecutor(Executors.newFixedThreadPool(4));
    http.createContext("/v1/jobs", JdkHttpServerAdapter.of(endpoints::handle));
    http.createContext("/v1/greetings", JdkHttpServerAdapter.of(request -> endpoints.submit(request, "greeting",
        kinds.work("greeting", SognoJson.defaults().read(request.body(), Greeting.class)))));
    http.start();
    System.out.println("READY " + http.getAddress().getPort());
    System.out.flush();
  }

  /** The kind {@code greeting}: records its start, waits for the release file, greets. */
  public static JobKinds greetingKinds(Path control, String replica) {
    return JobKinds.builder().kind("greeting", Greeting.class, (greeting, ctx) -> {
      started(control, ctx);
      while (!Files.exists(control.resolve("release"))) {
        ctx.throwIfCancellationRequested();
        Thread.sleep(50);
      }
      return Map.of("greeting", "hello " + greeting.name(), "replica", replica);
    }).build();
  }

  private static void started(Path control, JobContext ctx) throws java.io.IOException {
    Files.writeString(control.resolve("started-" + ctx.jobId()), ProcessHandle.current().pid() + "\n",
        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
