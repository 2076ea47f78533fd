package org.lfenergy.sogno.sdk.core;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Runs a main class of the test class path in a child JVM, its output collected in a file. */
final class ChildJvm {
  private final Process process;
  private final Path output;

  private ChildJvm(Process process, Path output) {
    this.process = process;
    this.output = output;
  }

  /** Starts {@code mainClass} with the test class path minus the entries {@code excluded} matches. */
  static ChildJvm start(Class<?> mainClass, Predicate<String> excluded, String... args) throws IOException {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String kept = Arrays.stream(classPath.split(File.pathSeparator)).filter(excluded.negate())
        .collect(Collectors.joining(File.pathSeparator));
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx128m", "-XX:TieredStopAtLevel=1", "-Dsun.net.httpserver.nodelay=true", "-cp", kept, mainClass.getName()));
    command.addAll(List.of(args));
    Path output = Files.createTempFile("sogno-child-", ".log");
    output.toFile().deleteOnExit();
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    return new ChildJvm(process, output);
  }

  /** Waits (generously: the machine may be loaded) until the child printed {@code line}. */
  ChildJvm awaitLine(String line) {
    await().atMost(Duration.ofMinutes(2)).until(() -> output().lines().anyMatch(line::equals) || !process.isAlive());
    return this;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  Process process() {
    return process;
  }

  String output() throws IOException {
    return Files.readString(output, StandardCharsets.UTF_8);
  }

  void kill() {
    process.destroyForcibly();
  }
}
