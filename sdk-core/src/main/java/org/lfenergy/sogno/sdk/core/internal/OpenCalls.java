package org.lfenergy.sogno.sdk.core.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;

/**
 * A client's calls in flight and whether it is closed: closing cancels the calls and refuses new
 * ones. Thread-safe; a call started while the client closes is cancelled too.
 */
public final class OpenCalls {
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();

  /** @throws IllegalStateException naming {@code owner} when closed */
  public void ensureOpen(Object owner) {
    if (closed.get()) {
      throw new IllegalStateException(owner + " is closed");
    }
  }

  /** Records {@code call} until {@link #finished}; cancels it at once when the client closed meanwhile. */
  public void started(Call call) {
    inFlight.add(call);
    if (closed.get()) {
      call.cancel();
    }
  }

  public void finished(Call call) {
    inFlight.remove(call);
  }

  /** Closes: cancels the calls in flight; true the first time only. */
  public boolean close() {
    if (!closed.compareAndSet(false, true)) {
      return false;
    }
    inFlight.forEach(Call::cancel);
    return true;
  }
}
