package org.lfenergy.sogno.sdk.async.server;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.UnaryOperator;

/**
 * The default {@link JobStore}: a bounded map in this JVM. Finished jobs are forgotten when their
 * {@code expiresAt} passes (checked on every read and on every insert — no background thread), and
 * when the store is full the job that finished first is evicted early to make room. Jobs that are
 * still queued or running are never evicted; a store full of them refuses new jobs with {@link
 * JobStoreFullException}.
 *
 * <p>Everything is lost when the process stops: clients polling a job of a restarted server get a
 * {@code 404 job-not-found}. Use a shared store when jobs must survive restarts or be visible to
 * several instances.
 *
 * <p>Eviction assumes one TTL for all jobs (jobs expire in the order they finished), which holds for
 * jobs of one {@link JobManager}. Thread-safe; reads and updates are lock-free per job, inserts take
 * one short lock.
 */
public final class InMemoryJobStore implements JobStore {
  private final int maxJobs;
  private final Clock clock;
  private final ConcurrentHashMap<String, JobRecord> jobs = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<IdempotencyScope, String> idsByKey = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> finishedInOrder = new ConcurrentLinkedQueue<>();
  private final Object insertLock = new Object();

  private InMemoryJobStore(int maxJobs, Clock clock) {
    if (maxJobs < 1) {
      throw new IllegalArgumentException("maxJobs must be >= 1, was " + maxJobs);
    }
    this.maxJobs = maxJobs;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A store holding at most {@code maxJobs} jobs, live or finished.
   *
   * @throws IllegalArgumentException unless {@code maxJobs >= 1}
   */
  public static InMemoryJobStore withCapacity(int maxJobs) {
    return new InMemoryJobStore(maxJobs, Clock.systemUTC());
  }

  /** As {@link #withCapacity(int)}, with the clock that decides expiry (for tests). */
  public static InMemoryJobStore withCapacity(int maxJobs, Clock clock) {
    return new InMemoryJobStore(maxJobs, clock);
  }

  @Override
  public JobRecord insert(JobRecord record) {
    IdempotencyScope scope = IdempotencyScope.of(record);
    synchronized (insertLock) {
      if (scope != null) {
        Optional<JobRecord> existing = findByIdempotencyKey(scope.owner, scope.key);
        if (existing.isPresent()) {
          return existing.get();
        }
      }
      makeRoom();
      if (jobs.putIfAbsent(record.id(), record) != null) {
        throw new IllegalStateException("Duplicate job id " + record.id());
      }
      if (scope != null) {
        idsByKey.put(scope, record.id());
      }
      if (record.job().isTerminal()) {
        finishedInOrder.add(record.id());
      }
      return record;
    }
  }

  @Override
  public Optional<JobRecord> findByIdempotencyKey(String owner, String idempotencyKey) {
    String jobId = idsByKey.get(new IdempotencyScope(owner, idempotencyKey));
    return jobId == null ? Optional.empty() : find(jobId);
  }

  @Override
  public Optional<JobRecord> find(String jobId) {
    JobRecord record = jobs.get(jobId);
    if (record == null) {
      return Optional.empty();
    }
    if (isExpired(record, clock.instant())) {
      remove(jobId);
      return Optional.empty();
    }
    return Optional.of(record);
  }

  @Override
  public Optional<JobRecord> update(String jobId, UnaryOperator<JobRecord> change) {
    Instant now = clock.instant();
    boolean[] becameTerminal = new boolean[1];
    boolean[] expired = new boolean[1];
    JobRecord updated =
        jobs.computeIfPresent(
            jobId,
            (id, current) -> {
              if (isExpired(current, now)) {
                expired[0] = true;
                return current;
              }
              JobRecord next = Objects.requireNonNull(change.apply(current), "change result");
              becameTerminal[0] = !current.job().isTerminal() && next.job().isTerminal();
              return next;
            });
    if (expired[0]) {
      remove(jobId);
      return Optional.empty();
    }
    if (becameTerminal[0]) {
      finishedInOrder.add(jobId);
    }
    return Optional.ofNullable(updated);
  }

  /** The number of jobs held, expired ones not yet swept included. */
  public int size() {
    return jobs.size();
  }

  private void makeRoom() {
    Instant now = clock.instant();
    for (String head; (head = finishedInOrder.peek()) != null; ) {
      JobRecord record = jobs.get(head);
      if (record != null && !isExpired(record, now)) {
        break;
      }
      finishedInOrder.poll();
      if (record != null) {
        remove(head);
      }
    }
    while (jobs.size() >= maxJobs) {
      String oldestFinished = finishedInOrder.poll();
      if (oldestFinished == null) {
        throw new JobStoreFullException(
            "The in-memory job store holds " + maxJobs + " unfinished jobs");
      }
      remove(oldestFinished);
    }
  }

  private void remove(String jobId) {
    JobRecord removed = jobs.remove(jobId);
    IdempotencyScope scope = removed == null ? null : IdempotencyScope.of(removed);
    if (scope != null) {
      idsByKey.remove(scope, jobId);
    }
  }

  private static boolean isExpired(JobRecord record, Instant now) {
    return record.job().expiresAt().map(expiresAt -> !now.isBefore(expiresAt)).orElse(false);
  }

  private static final class IdempotencyScope {
    private final String owner;
    private final String key;

    private IdempotencyScope(String owner, String key) {
      this.owner = owner;
      this.key = key;
    }

    static IdempotencyScope of(JobRecord record) {
      return record
          .idempotencyKey()
          .map(key -> new IdempotencyScope(record.owner().orElse(null), key))
          .orElse(null);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof IdempotencyScope
          && Objects.equals(((IdempotencyScope) other).owner, owner)
          && ((IdempotencyScope) other).key.equals(key);
    }

    @Override
    public int hashCode() {
      return Objects.hash(owner, key);
    }
  }
}
