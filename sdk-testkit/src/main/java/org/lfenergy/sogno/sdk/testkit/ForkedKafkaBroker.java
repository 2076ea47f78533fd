package org.lfenergy.sogno.sdk.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lfenergy.sogno.sdk.testkit.internal.BrokerLogging;
import org.lfenergy.sogno.sdk.testkit.internal.Directories;
import org.lfenergy.sogno.sdk.testkit.internal.FreePorts;

/**
 * The embedded KRaft broker in a JVM of its own, for crash tests: {@link #kill()} ends that JVM with
 * SIGKILL ({@link Process#destroyForcibly()}), no shutdown hook and no clean log close, and {@link
 * #restart()} brings the broker back on the same data directory and the same ports, so clients
 * configured with {@link #bootstrapServers()} reconnect and find what was acknowledged before.
 *
 * <pre>{@code
 * try (ForkedKafkaBroker kafka = ForkedKafkaBroker.start()) {
 *   kafka.topics().create("sogno.orders.created.v1", 3);
 *   // ... publish and consume against kafka.bootstrapServers() ...
 *   kafka.kill();
 *   kafka.restart();
 * }
 * }</pre>
 *
 * <p>The child runs on this JVM's {@code java} and class path (so the test kit must be on it), with
 * {@code -Xmx512m} and the Kafka log level of {@link EmbeddedKafkaBroker.Builder#logLevel}. It also
 * stops when this JVM ends (its standard input closes). {@link #close()} stops it cleanly and deletes
 * the data directory. Lifecycle methods are synchronized.
 */
public final class ForkedKafkaBroker implements AutoCloseable {
  private static final String READY = "SOGNO_FORKED_BROKER_READY ";

  private final Path dataDirectory;
  private final int port;
  private final int controllerPort;
  private final TestTopics topics;
  private Process process;
  private boolean closed;

  private ForkedKafkaBroker() {
    this.dataDirectory = Directories.createTemporary("sogno-forked-kafka-");
    this.port = FreePorts.next();
    this.controllerPort = FreePorts.next();
    this.topics = new TestTopics(this::bootstrapServers);
  }

  /**
   * Starts a broker in a new JVM on a temporary data directory and free loopback ports; returns once
   * it serves.
   *
   * @throws IllegalStateException if the child did not come up (its output is in the message)
   */
  public static ForkedKafkaBroker start() {
    return new ForkedKafkaBroker().startChild();
  }

  /**
   * Starts the broker process again after {@link #kill()} or {@link #stop()}, on the same data and
   * ports; returns once it serves (the broker recovers its log after a kill). Does nothing while it runs.
   *
   * @throws IllegalStateException if it was closed or did not come up
   */
  public synchronized ForkedKafkaBroker restart() {
    return startChild();
  }

  /** The broker process ends at once (SIGKILL on Linux); waits until it is gone. Nothing if not running. */
  public synchronized void kill() {
    if (process == null) {
      return;
    }
    topics.disconnect();
    process.destroyForcibly();
    waitFor(process);
    process = null;
  }

  /** Stops the broker cleanly (controlled shutdown) and waits; keeps data and ports. */
  public synchronized void stop() {
    if (process == null) {
      return;
    }
    topics.disconnect();
    try {
      process.getOutputStream().close();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
    waitFor(process);
    process = null;
  }

  /** Stops the broker and deletes its data directory. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    stop();
    closed = true;
    Directories.deleteRecursively(dataDirectory);
  }

  /** {@code 127.0.0.1:<port>}; the same across restarts. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  /** The broker process's id, or -1 when it is not running. */
  public synchronized long pid() {
    return process == null ? -1 : process.pid();
  }

  /** True while the broker process is alive. */
  public synchronized boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Where the broker keeps its log and metadata; kept across {@link #kill()}. */
  public Path dataDirectory() {
    return dataDirectory;
  }

  /** Creates, lists and reads topics on this broker (from this JVM). */
  public TestTopics topics() {
    return topics;
  }

  private synchronized ForkedKafkaBroker startChild() {
    if (closed) {
      throw new IllegalStateException("the broker was closed; start a new one");
    }
    if (process != null) {
      return this;
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:TieredStopAtLevel=1", "-D" + BrokerLogging.PROPERTY + "=" + BrokerLogging.level(null),
        "-cp", System.getProperty("java.class.path"), ForkedKafkaBroker.class.getName(),
        dataDirectory.toString(), String.valueOf(port), String.valueOf(controllerPort)));
    Process child;
    try {
      child = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a JVM for the broker", e);
    }
    StringBuilder output = new StringBuilder();
    BufferedReader reader = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    try {
      for (String line; (line = reader.readLine()) != null; ) {
        if (line.startsWith(READY)) {
          Thread drain = new Thread(() -> reader.lines().forEach(ignored -> { }), "forked-kafka-output-" + child.pid());
          drain.setDaemon(true);
          drain.start();
          process = child;
          return this;
        }
        if (output.length() < 16_384) {
          output.append(line).append('\n');
        }
      }
    } catch (IOException e) {
      output.append(e);
    }
    child.destroyForcibly();
    throw new IllegalStateException("the forked Kafka broker did not start on " + bootstrapServers() + ":\n" + output);
  }

  private static void waitFor(Process process) {
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The child: {@code <dataDirectory> <port> <controllerPort>}. Starts the broker, says so on
   * standard output, serves until standard input ends, then stops it cleanly.
   */
  public static void main(String[] args) throws IOException {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().dataDirectory(Path.of(args[0]))
        .port(Integer.parseInt(args[1])).controllerPort(Integer.parseInt(args[2])).build().start()) {
      System.out.println(READY + broker.bootstrapServers());
      System.out.flush();
      while (System.in.read() >= 0) {
        // serve until the parent closes our input or dies
      }
    }
  }
}
