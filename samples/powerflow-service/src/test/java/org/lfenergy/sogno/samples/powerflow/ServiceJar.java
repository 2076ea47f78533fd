package org.lfenergy.sogno.samples.powerflow;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar in a child JVM, as an operator runs it: {@code java -jar
 * target/<artifactId>-<version>.jar} (failsafe passes its path as {@code powerflow.jar}) with the
 * given {@code SOGNO_*} variables, output in a log file. Stopped with SIGTERM ({@link #stop()}, the
 * shutdown hook runs) or killed with SIGKILL ({@link #kill()}: no hook, no drain, no close).
 */
final class ServiceJar implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final URI baseUri;

  private ServiceJar(Process process, Path log, URI baseUri) {
    this.process = process;
    this.log = log;
    this.baseUri = baseUri;
  }

  /** A port that was free a moment ago, for a service that must come back on the same one. */
  static int freePort() throws IOException {
    try (ServerSocket free = new ServerSocket(0)) {
      return free.getLocalPort();
    }
  }

  /**
   * Starts the jar on the loopback address and {@code port} with {@code environment} added to this
   * process's, and waits until it is ready (at most a minute on a loaded machine).
   */
  static ServiceJar start(int port, Map<String, String> environment, Path log) throws IOException {
    ServiceJar service = new ServiceJar(command(port, environment, log).start(), log, URI.create("http://127.0.0.1:" + port));
    try {
      HttpTestClient client = new HttpTestClient(service.baseUri);
      await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
          .until(() -> client.get("/health/ready").status() == 200);
    } catch (RuntimeException e) {
      service.kill();
      throw e;
    }
    return service;
  }

  /**
   * Runs the jar as {@link #start} does, for a configuration it must refuse, until it exits by itself
   * (at most a minute); its exit code.
   */
  static int runToExit(int port, Map<String, String> environment, Path log) throws IOException, InterruptedException {
    Process process = command(port, environment, log).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new IllegalStateException("the service kept running; it logged:\n" + Files.readString(log));
    }
    return process.exitValue();
  }

  private static ProcessBuilder command(int port, Map<String, String> environment, Path log) {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", System.getProperty("powerflow.jar")).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("SOGNO_HTTP_PORT", String.valueOf(port));
    builder.environment().put("SOGNO_HTTP_HOST", "127.0.0.1");
    builder.environment().putAll(environment);
    return builder;
  }

  URI baseUri() {
    return baseUri;
  }

  /** What the service logged so far. */
  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGTERM, then waits until the process is gone. */
  void stop() {
    process.destroy();
    waitFor();
  }

  /** SIGKILL ({@link Process#destroyForcibly()} on Linux), then waits until the process is gone. */
  void kill() {
    process.destroyForcibly();
    waitFor();
  }

  private void waitFor() {
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the service to end", e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }
}
