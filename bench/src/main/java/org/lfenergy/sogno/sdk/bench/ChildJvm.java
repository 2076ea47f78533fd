package org.lfenergy.sogno.sdk.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lfenergy.sogno.sdk.bench.http.MeterReadingServer;

/**
 * The command line of a child JVM on this JVM's Java and class path: harnesses, brokers, probes. The
 * child gets this JVM's choice of loopback server ({@value MeterReadingServer#SERVER_PROPERTY}).
 */
public final class ChildJvm {
  private ChildJvm() {}

  /** {@code java <jvmOptions> -cp <this class path> <mainClass> <arguments>}. */
  public static List<String> command(List<String> jvmOptions, String mainClass, List<String> arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(MeterReadingServer.jvmOption());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(arguments);
    return command;
  }
}
