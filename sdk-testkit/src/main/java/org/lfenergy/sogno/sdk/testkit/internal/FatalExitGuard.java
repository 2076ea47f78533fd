package org.lfenergy.sogno.sdk.testkit.internal;

import org.apache.kafka.common.utils.internals.Exit;

/**
 * The broker calls {@code Exit.exit}/{@code Exit.halt} on fatal errors, which would end the test
 * JVM with no report. Inside tests those calls throw instead, in the thread that made them.
 */
public final class FatalExitGuard {
  private static volatile boolean installed;

  private FatalExitGuard() {}

  public static synchronized void install() {
    if (installed) {
      return;
    }
    Exit.setExitProcedure(
        (status, message) -> {
          throw new IllegalStateException(
              "embedded Kafka broker requested exit(" + status + "): " + message);
        });
    Exit.setHaltProcedure(
        (status, message) -> {
          throw new IllegalStateException(
              "embedded Kafka broker requested halt(" + status + "): " + message);
        });
    installed = true;
  }
}
