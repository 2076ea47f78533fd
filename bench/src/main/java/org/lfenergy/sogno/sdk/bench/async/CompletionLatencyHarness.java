package org.lfenergy.sogno.sdk.bench.async;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.lfenergy.sogno.sdk.async.Job;
import org.lfenergy.sogno.sdk.async.JobHandle;
import org.lfenergy.sogno.sdk.async.PollingConfig;
import org.lfenergy.sogno.sdk.async.kafka.JobEventPublisher;
import org.lfenergy.sogno.sdk.async.kafka.JobEventWaiter;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.server.http.JdkHttpServerAdapter;
import org.lfenergy.sogno.sdk.async.server.http.JobEndpoints;
import org.lfenergy.sogno.sdk.core.ApiRequest;
import org.lfenergy.sogno.sdk.core.ResponseReader;
import org.lfenergy.sogno.sdk.core.SognoClient;
import org.lfenergy.sogno.sdk.kafka.EventPublisher;
import org.lfenergy.sogno.sdk.kafka.JobEvents;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaBroker;

/**
 * P6: time from a job's completion on the server to the client knowing it, over loopback HTTP, in
 * three client modes: plain polling (the server's {@code Retry-After: 1}), {@code Prefer: wait} long
 * polling, and job events ({@link JobEventWaiter} on the embedded broker, the service publishing
 * through {@link JobEventPublisher}). The service publishes job events in every mode, so only the
 * client differs.
 *
 * <p>{@code concurrency} client threads each run jobs one after another; every job finishes at a
 * random moment 0.2–1.7 s after its client started waiting, so polling phases spread evenly. Each
 * thread's first job of a mode warms up and is not counted. Prints p50, p90, p99, max and the
 * job-status requests per job.
 *
 * <p>Run: {@code java -Dsun.net.httpserver.nodelay=true -cp <bench classpath>
 * org.lfenergy.sogno.sdk.bench.async.CompletionLatencyHarness [jobs per mode, default 200]
 * [concurrency, default 20]}.
 */
public final class CompletionLatencyHarness {
  private static final Duration TIMEOUT = Duration.ofMinutes(1);

  private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
  private final Map<String, Long> finishedAt = new ConcurrentHashMap<>();
  private final AtomicInteger statusRequests = new AtomicInteger();
  private final ScheduledExecutorService finisher = Executors.newSingleThreadScheduledExecutor();

  private CompletionLatencyHarness() {}

  /** How a client learns that its job ended. */
  @FunctionalInterface
  private interface Awaiting {
    Job await(JobHandle<String> job);
  }

  public static void main(String[] args) throws Exception {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    new CompletionLatencyHarness().run(jobs, concurrency);
  }

  private void run(int jobs, int concurrency) throws Exception {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startDefault()) {
      broker.topics().create(JobEvents.TOPIC, 3);
      KafkaConfig kafka = KafkaConfig.of(broker.bootstrapServers());
      try (EventPublisher events = EventPublisher.builder().kafka(kafka).source(java.net.URI.create("/bench/jobs")).build();
          JobManager manager = JobManager.builder()
              .config(JobManagerConfig.builder().workers(concurrency + 2).build())
              .listener(JobEventPublisher.create(events))
              .build();
          JobEventWaiter waiter = JobEventWaiter.start(kafka)) {
        HttpServer http = serve(manager);
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        try {
          SognoClient client = SognoClient.builder().baseUrl("http://127.0.0.1:" + http.getAddress().getPort()).build();
          System.out.printf(Locale.ROOT, "%-30s %8s %8s %8s %8s %8s %14s%n",
              "mode (" + jobs + " jobs, " + concurrency + " at once)", "jobs", "p50 ms", "p90 ms", "p99 ms", "max ms",
              "polls per job");
          PollingConfig polling = PollingConfig.builder().longPollWait(Duration.ZERO).build();
          measure("polling (Retry-After 1 s)", client, clients, jobs, concurrency, polling,
              job -> job.awaitTerminal(TIMEOUT));
          measure("long polling (Prefer wait=20)", client, clients, jobs, concurrency, PollingConfig.defaults(),
              job -> job.awaitTerminal(TIMEOUT));
          measure("job events (Kafka)", client, clients, jobs, concurrency, polling,
              job -> waiter.awaitTerminal(job, TIMEOUT, TIMEOUT));
        } finally {
          clients.shutdownNow();
          http.stop(0);
        }
      }
    } finally {
      finisher.shutdownNow();
    }
  }

  private HttpServer serve(JobManager manager) throws java.io.IOException {
    JobEndpoints endpoints = JobEndpoints.of(manager);
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
    http.setExecutor(Executors.newCachedThreadPool());
    http.createContext("/v1/jobs", JdkHttpServerAdapter.of(request -> {
      if (request.method().equals("GET") && !request.path().endsWith("/result")) {
        statusRequests.incrementAndGet();
      }
      return endpoints.handle(request);
    }));
    http.createContext("/v1/tasks", JdkHttpServerAdapter.of(request -> endpoints.submit(request, "bench", ctx -> {
      gate(ctx.jobId()).await();
      finishedAt.put(ctx.jobId(), System.nanoTime());
      return "done";
    })));
    http.start();
    return http;
  }

  private CountDownLatch gate(String jobId) {
    return gates.computeIfAbsent(jobId, id -> new CountDownLatch(1));
  }

  private void measure(String mode, SognoClient client, ExecutorService clients, int jobs, int concurrency,
      PollingConfig options, Awaiting awaiting) throws Exception {
    List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger remaining = new AtomicInteger(jobs);
    List<Future<?>> clientRuns = new ArrayList<>();
    int pollsAtStart = statusRequests.get();
    for (int t = 0; t < concurrency; t++) {
      clientRuns.add(clients.submit(() -> {
        runJob(client, options, awaiting); // warm-up, not counted
        while (remaining.getAndDecrement() > 0) {
          latencies.add(runJob(client, options, awaiting));
        }
        return null;
      }));
    }
    for (Future<?> run : clientRuns) {
      run.get(10, TimeUnit.MINUTES);
    }
    List<Double> sorted = new ArrayList<>(latencies);
    Collections.sort(sorted);
    double pollsPerJob = (statusRequests.get() - pollsAtStart) / (double) (jobs + concurrency);
    System.out.printf(Locale.ROOT, "%-30s %8d %8.1f %8.1f %8.1f %8.1f %14.2f%n", mode, sorted.size(),
        percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted.get(sorted.size() - 1),
        pollsPerJob);
  }

  /** Starts a job, lets it finish 0.2–1.7 s later, and returns ms from its end to the client knowing. */
  private double runJob(SognoClient client, PollingConfig options, Awaiting awaiting) {
    JobHandle<String> job = JobHandle.start(client,
            ApiRequest.builder("POST", "/v1/tasks").jsonBody(Map.of()).build(), ResponseReader.json(String.class))
        .withPolling(options);
    CountDownLatch gate = gate(job.jobId());
    finisher.schedule(gate::countDown, 200 + ThreadLocalRandom.current().nextInt(1500), TimeUnit.MILLISECONDS);
    Job terminal = awaiting.await(job);
    long knownAt = System.nanoTime();
    if (!terminal.isTerminal()) {
      throw new IllegalStateException("job " + job.jobId() + " returned as " + terminal.status());
    }
    gates.remove(job.jobId());
    return (knownAt - finishedAt.remove(job.jobId())) / 1e6;
  }

  /** Nearest-rank percentile of sorted values. */
  private static double percentile(List<Double> sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
