package org.lfenergy.sogno.sdk.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.lfenergy.sogno.sdk.core.internal.Sleeper;

/** Records the waits the retry step asks for and returns at once, so tests assert waits, not elapsed time. */
final class RecordingSleeper implements Sleeper {
  private final List<Long> waits = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(long millis, BooleanSupplier canceled) {
    waits.add(millis);
  }

  /** The waits asked for, in milliseconds, in order. */
  List<Long> waits() {
    return List.copyOf(waits);
  }
}
