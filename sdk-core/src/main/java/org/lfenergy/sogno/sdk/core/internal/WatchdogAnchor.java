package org.lfenergy.sogno.sdk.core.internal;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okio.AsyncTimeout;

/**
 * Keeps Okio's timeout watchdog from being woken on every socket read and write while SDK calls run.
 *
 * <p>OkHttp puts each read and write of a call under an Okio {@link AsyncTimeout}. Okio's one watchdog
 * thread waits for the earliest pending deadline and is signalled whenever a new deadline becomes the
 * earliest; between calls the queue is empty, so every read and write becomes the earliest, and each
 * signal wakes the watchdog thread just for it to go back to sleep. On a loopback call that is a few
 * context switches and about a fifth of the process's CPU time.
 *
 * <p>The anchor is one more timeout in that queue, re-entered every {@code period} while calls
 * continue: a read or write timeout longer than the period is queued behind it and wakes nobody. It
 * does nothing when it fires; it lapses after a period without any call, so an idle process's
 * watchdog goes back to sleep and exits as before. Timeouts shorter than the period behave as they do
 * without the anchor; no timeout fires later than set.
 */
public final class WatchdogAnchor {
  private static final WatchdogAnchor SHARED = new WatchdogAnchor(Duration.ofSeconds(1));

  private final Anchor anchor;
  private final AtomicBoolean anchored = new AtomicBoolean();
  private volatile boolean usedSinceLastPeriod;

  WatchdogAnchor(Duration period) {
    this.anchor = new Anchor();
    anchor.timeout(period.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** The anchor SDK clients share (the watchdog is one per process). */
  public static WatchdogAnchor shared() {
    return SHARED;
  }

  /** Records a call; anchors the watchdog if it is not anchored. Cheap when it already is. */
  public void touch() {
    // Read before writing: a write on every call would move the field's cache line between cores.
    if (!usedSinceLastPeriod) {
      usedSinceLastPeriod = true;
    }
    if (!anchored.get() && anchored.compareAndSet(false, true)) {
      anchor.enter();
    }
  }

  /** Whether the anchor is in the watchdog's queue. */
  boolean isAnchored() {
    return anchored.get();
  }

  private final class Anchor extends AsyncTimeout {
    /** Runs on the watchdog thread, once per period. */
    @Override
    protected void timedOut() {
      exit();
      if (usedSinceLastPeriod) {
        usedSinceLastPeriod = false;
        enter();
        return;
      }
      anchored.set(false);
      // A call may have come between the check and the release and seen the anchor still queued.
      if (usedSinceLastPeriod && anchored.compareAndSet(false, true)) {
        enter();
      }
    }
  }
}
