package org.lfenergy.sogno.sdk.core.testing;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A main class of the test class path run in a JVM of its own, for tests that need a process they
 * can kill (crash tests), that must end by itself, or whose class path lacks some libraries
 * (optional dependencies). The child runs the {@code java} of this JVM's {@code java.home} on
 * Surefire's test class path ({@code surefire.test.class.path}, else {@code java.class.path}) minus
 * the entries {@link Builder#excludingFromClassPath} names, with C1 only (it starts faster) and
 * {@code sun.net.httpserver.nodelay} set (a JDK HTTP server in the child answers without a 40 ms
 * delayed ACK); its standard output and error go to one temporary file, read with {@link #output()}.
 *
 * <p>Waits are generous (two minutes, the machine may be loaded) and end early when the child ends.
 * {@link #kill()} sends SIGKILL ({@link Process#destroyForcibly()} on Linux): no shutdown hook, no
 * drain, no close. {@link #close()} kills the child if it still runs and deletes its output file.
 * Not thread-safe: one test drives one child.
 *
 * <pre>{@code
 * try (ChildJvm child = ChildJvm.builder(Program.class)
 *     .excludingFromClassPath(ChildJvm.MICROMETER).args("close").start()) {
 *   assertThat(child.awaitExit()).as(child.output()).isZero();
 * }
 * }</pre>
 */
public final class ChildJvm implements AutoCloseable {
  /** The OpenTelemetry jars (group {@code io.opentelemetry}), an optional dependency of the SDK. */
  public static final Predicate<String> OPEN_TELEMETRY = inFolder("io", "opentelemetry");
  /** The Micrometer jars (group {@code io.micrometer}), an optional dependency of the SDK. */
  public static final Predicate<String> MICROMETER = inFolder("io", "micrometer");

  /** How long any wait lasts at most: a bound for a loaded machine, not a measure of speed. */
  private static final Duration PATIENCE = Duration.ofMinutes(2);

  private final Process process;
  private final Path output;

  private ChildJvm(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /** A builder for a child that runs {@code mainClass}, with a heap of 128 MiB and no arguments. */
  public static Builder builder(Class<?> mainClass) {
    return new Builder(mainClass);
  }

  /**
   * Matches the class-path entries under a folder of these names, such as the jars of a group in the
   * local Maven repository: {@code inFolder("io", "micrometer")} matches {@code …/io/micrometer/…}.
   */
  public static Predicate<String> inFolder(String... names) {
    String folder = File.separator + String.join(File.separator, names) + File.separator;
    return entry -> entry.contains(folder);
  }

  /** For a child's {@code main}: whether a class of that name is on its class path (it is not initialised). */
  public static boolean onClassPath(String className) {
    try {
      Class.forName(className, false, ChildJvm.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /**
   * For a child's {@code main}: prints whether the SDK's optional libraries are on its class path, as
   * the lines {@code opentelemetry on class path: <true|false>} and {@code micrometer on class path:
   * <true|false>}, so that a test shows that {@link Builder#excludingFromClassPath} took effect.
   */
  public static void printOptionalLibraries() {
    System.out.println("opentelemetry on class path: " + onClassPath("io.opentelemetry.api.OpenTelemetry"));
    System.out.println("micrometer on class path: " + onClassPath("io.micrometer.core.instrument.MeterRegistry"));
  }

  /**
   * Waits until the child printed {@code line} (a whole line).
   *
   * @throws IllegalStateException if the child ended without printing it, naming what it printed
   */
  public ChildJvm awaitLine(String line) {
    awaitLines(line::equals, 1);
    return this;
  }

  /**
   * Waits until the child printed {@code count} lines that {@code matching} accepts, and returns the
   * first {@code count} of them in the order printed.
   *
   * @throws IllegalStateException if the child ended before, naming what it printed
   */
  public List<String> awaitLines(Predicate<String> matching, int count) {
    await().atMost(PATIENCE).until(() -> matched(matching, count).size() == count || !process.isAlive());
    List<String> lines = matched(matching, count);
    if (lines.size() < count) {
      throw new IllegalStateException("the child JVM ended after " + lines.size() + " of " + count
          + " awaited lines; it printed:\n" + output());
    }
    return lines;
  }

  private List<String> matched(Predicate<String> matching, int count) {
    return output().lines().filter(matching).limit(count).toList();
  }

  /** Waits until the child ended by itself and returns its exit code. */
  public int awaitExit() {
    await().atMost(PATIENCE).until(() -> !process.isAlive());
    return process.exitValue();
  }

  /** Whether the child still runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** The child's process, for its pid or exit value. */
  public Process process() {
    return process;
  }

  /** What the child printed so far, standard output and error interleaved as written. */
  public String output() {
    try {
      return Files.readString(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends SIGKILL and waits until the child is gone. Does nothing to a child that already ended. */
  public void kill() {
    process.destroyForcibly();
    await().atMost(PATIENCE).until(() -> !process.isAlive());
  }

  /** Kills the child if it still runs and deletes its output file. */
  @Override
  public void close() {
    try {
      kill();
    } finally {
      try {
        Files.deleteIfExists(output);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Settings of a child JVM. Not thread-safe. */
  public static final class Builder {
    private final Class<?> mainClass;
    private Predicate<String> excluded = entry -> false;
    private int maxHeapMegabytes = 128;
    private final List<String> jvmOptions = new ArrayList<>();
    private final List<String> args = new ArrayList<>();

    private Builder(Class<?> mainClass) {
      this.mainClass = Objects.requireNonNull(mainClass, "mainClass");
    }

    /** Leaves out the class-path entries {@code entries} matches (see {@link ChildJvm#inFolder}). */
    public Builder excludingFromClassPath(Predicate<String> entries) {
      excluded = excluded.or(Objects.requireNonNull(entries, "entries"));
      return this;
    }

    /** The child's maximum heap ({@code -Xmx}); 128 MiB unless set. */
    public Builder maxHeapMegabytes(int megabytes) {
      if (megabytes < 16) {
        throw new IllegalArgumentException("maxHeapMegabytes must be at least 16: " + megabytes);
      }
      maxHeapMegabytes = megabytes;
      return this;
    }

    /** Sets a system property of the child ({@code -Dname=value}). */
    public Builder systemProperty(String name, String value) {
      return jvmOption("-D" + Objects.requireNonNull(name, "name") + "=" + Objects.requireNonNull(value, "value"));
    }

    /** Adds an option of the {@code java} command, before the main class. */
    public Builder jvmOption(String option) {
      if (!option.startsWith("-")) {
        throw new IllegalArgumentException("a JVM option starts with '-': " + option);
      }
      jvmOptions.add(option);
      return this;
    }

    /** Adds arguments of the main class. */
    public Builder args(String... args) {
      this.args.addAll(Arrays.asList(args));
      return this;
    }

    /** Starts the child; it runs until it ends by itself or is killed. */
    public ChildJvm start() throws IOException {
      String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      String kept = Arrays.stream(classPath.split(File.pathSeparator)).filter(excluded.negate())
          .collect(Collectors.joining(File.pathSeparator));
      List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xmx" + maxHeapMegabytes + "m", "-XX:TieredStopAtLevel=1", "-Dsun.net.httpserver.nodelay=true"));
      command.addAll(jvmOptions);
      command.addAll(List.of("-cp", kept, mainClass.getName()));
      command.addAll(args);
      Path output = Files.createTempFile("sogno-child-", ".log");
      output.toFile().deleteOnExit();
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
      return new ChildJvm(process, output);
    }
  }
}
