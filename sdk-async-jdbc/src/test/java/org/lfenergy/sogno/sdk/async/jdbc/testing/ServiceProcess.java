package org.lfenergy.sogno.sdk.async.jdbc.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link DurableServiceProcess} in a child JVM: started, awaited until it serves, and killed with
 * SIGKILL ({@link Process#destroyForcibly()} on Linux) — no shutdown hook, no drain, no close.
 */
public final class ServiceProcess implements AutoCloseable {
  private final Process process;
  private final int port;

  private ServiceProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts a child service and waits until it serves (at most two minutes on a loaded machine). */
  public static ServiceProcess start(String database, int port, Path control, String replica, int leaseSeconds)
      throws Exception {
    return start(database, port, control, replica, leaseSeconds, 2);
  }

  /** As above, with {@code workers} jobs running at once. */
  public static ServiceProcess start(String database, int port, Path control, String replica, int leaseSeconds,
      int workers) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dsun.net.httpserver.nodelay=true", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
        "-cp", System.getProperty("java.class.path"), DurableServiceProcess.class.getName(),
        database, String.valueOf(port), control.toString(), replica, String.valueOf(leaseSeconds),
        String.valueOf(workers)));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    CompletableFuture<Integer> ready = CompletableFuture.supplyAsync(() -> readyPort(process));
    try {
      return new ServiceProcess(process, ready.get(2, TimeUnit.MINUTES));
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
  }

  private static int readyPort(Process process) {
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    try {
      for (String line; (line = out.readLine()) != null; ) {
        if (line.startsWith("READY ")) {
          return Integer.parseInt(line.substring(6).trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("The service process ended before it served");
  }

  public int port() {
    return port;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /** SIGKILL, then waits until the process is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
  }

  @Override
  public void close() {
    try {
      kill();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
