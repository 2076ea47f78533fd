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
    return start(List.of(), database, port, control, replica, leaseSeconds, workers);
  }

  /**
   * As above, but no file the process writes may grow past {@code maxFileBytes} (a multiple of 512):
   * the JVM is started through {@code /bin/sh -c 'ulimit -f <blocks>; exec java …'}, which sets
   * RLIMIT_FSIZE. HotSpot ignores SIGXFSZ, so a write past the limit fails with EFBIG ("File too
   * large") as it would on a full disk, and the process lives on.
   */
  public static ServiceProcess startWithFileSizeLimit(long maxFileBytes, String database, int port, Path control,
      String replica, int leaseSeconds, int workers) throws Exception {
    if (maxFileBytes <= 0 || maxFileBytes % 512 != 0) {
      throw new IllegalArgumentException("maxFileBytes must be a positive multiple of 512: " + maxFileBytes);
    }
    // POSIX sh (dash) counts ulimit -f in 512-byte blocks; "$@" are the java command's words.
    return start(List.of("/bin/sh", "-c", "ulimit -f " + maxFileBytes / 512 + " && exec \"$@\"", "sh"),
        database, port, control, replica, leaseSeconds, workers);
  }

  private static ServiceProcess start(List<String> prefix, String database, int port, Path control, String replica,
      int leaseSeconds, int workers) throws Exception {
    List<String> command = new ArrayList<>(prefix);
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:-UsePerfData",
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
