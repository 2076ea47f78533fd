package org.lfenergy.sogno.sdk.conformance.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The entry point of {@code java -jar sogno-sdk-conformance-cli.jar --url URL --spec FILE …}: runs
 * {@link ConformanceCli} on the process's standard streams (UTF-8) and environment, and exits with its
 * status: 0 no MUST finding, 1 MUST findings, 2 usage error, unusable spec or nothing answering.
 */
public final class Main {

  private Main() {
  }

  /** Runs the checker with these arguments and exits the JVM with the status {@link ConformanceCli#run} returns. */
  public static void main(String[] args) {
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    int status = ConformanceCli.run(args, System.getenv(), out, err);
    out.flush();
    err.flush();
    System.exit(status);
  }
}
