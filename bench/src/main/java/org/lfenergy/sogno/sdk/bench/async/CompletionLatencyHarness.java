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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.CountDownLatch;
import org.lfenergy.sogno.sdk.async.JobHandle;
import org.lfenergy.sogno.sdk.async.PollingOptions;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.server.http.JdkHttpServerAdapter;
import org.lfenergy.sogno.sdk.async.server.http.JobEndpoints;
import org.lfenergy.sogno.sdk.core.ApiRequest;
import org.lfenergy.sogno.sdk.core.ResponseReader;
import org.lfenergy.sogno.sdk.core.SognoClient;

/**
 * Time from a job's completion on the server to the client knowing it, over loopback HTTP: with
 * plain polling (the server's {@code Retry-After: 1}) and with {@code Prefer: wait} long polling.
 * Each job finishes at a random moment 0.2–1.7 s after the client started waiting, so polling
 * phases are spread evenly. Prints median, p90, max and job-status requests per job.
 *
 * <p>Run: {@code java -Dsun.net.httpserver.nodelay=true -cp <bench classpath>
 * org.lfenergy.sogno.sdk.bench.async.CompletionLatencyHarness [jobs per mode, default 20]}.
 */
public final class CompletionLatencyHarness {
  private CompletionLatencyHarness() {}

  public static void main(String[] args) throws Exception {
    int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    AtomicLong finishedAt = new AtomicLong();
    AtomicInteger statusRequests = new AtomicInteger();
    List<CountDownLatch> gates = Collections.synchronizedList(new ArrayList<>());
    JobManager manager = JobManager.builder().config(JobManagerConfig.custom().workers(2).build()).build();
    JobEndpoints endpoints = JobEndpoints.of(manager);
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
    ExecutorService httpThreads = Executors.newFixedThreadPool(4);
    http.setExecutor(httpThreads);
    http.createContext("/v1/jobs", JdkHttpServerAdapter.of(request -> {
      if (request.method().equals("GET") && !request.path().endsWith("/result")) {
        statusRequests.incrementAndGet();
      }
      return endpoints.handle(request);
    }));
    http.createContext("/v1/tasks", JdkHttpServerAdapter.of(request -> endpoints.submit(request, "bench", ctx -> {
      CountDownLatch gate = new CountDownLatch(1);
      gates.add(gate);
      gate.await();
      finishedAt.set(System.nanoTime());
      return "done";
    })));
    http.start();
    SognoClient client = SognoClient.builder().baseUrl("http://127.0.0.1:" + http.getAddress().getPort()).build();
    try {
      System.out.printf(Locale.ROOT, "%-28s %10s %10s %10s %14s%n", "mode", "median ms", "p90 ms", "max ms", "polls per job");
      for (Map.Entry<String, Duration> mode : List.of(
          Map.entry("polling (Retry-After 1 s)", Duration.ZERO),
          Map.entry("long polling (Prefer wait)", Duration.ofSeconds(20)))) {
        List<Double> latencies = new ArrayList<>();
        statusRequests.set(0);
        for (int i = 0; i < jobs + 2; i++) {
          JobHandle<String> job = JobHandle.start(client,
                  ApiRequest.builder("POST", "/v1/tasks").jsonBody(Map.of()).build(), ResponseReader.json(String.class))
              .withOptions(PollingOptions.builder().longPollWait(mode.getValue()).build());
          AtomicLong knownAt = new AtomicLong();
          var terminal = job.awaitTerminalAsync(Duration.ofMinutes(1)).thenRun(() -> knownAt.set(System.nanoTime()));
          Thread.sleep(200 + ThreadLocalRandom.current().nextInt(1500));
          while (gates.isEmpty()) {
            Thread.sleep(1);
          }
          gates.remove(0).countDown();
          terminal.get(1, TimeUnit.MINUTES);
          if (i >= 2) { // the first two warm up
            latencies.add((knownAt.get() - finishedAt.get()) / 1e6);
          } else {
            statusRequests.set(0);
          }
        }
        Collections.sort(latencies);
        System.out.printf(Locale.ROOT, "%-28s %10.1f %10.1f %10.1f %14.1f%n", mode.getKey(),
            latencies.get(latencies.size() / 2), latencies.get((int) (latencies.size() * 0.9)),
            latencies.get(latencies.size() - 1), statusRequests.get() / (double) jobs);
      }
    } finally {
      http.stop(0);
      manager.close();
      httpThreads.shutdownNow();
    }
  }
}
