package org.lfenergy.sogno.sdk.async.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.lfenergy.sogno.sdk.async.jdbc.testing.TestClock;
import org.lfenergy.sogno.sdk.async.server.JobRecord;
import org.lfenergy.sogno.sdk.async.server.JobStore;
import org.junit.jupiter.api.Test;

/** The store contract plus what the JDBC store adds: batched expiry sweeps, a schema kept across opens. */
abstract class JdbcJobStoreContract extends JobStoreContract {
  static final int SWEEP_BATCH = 10;

  /** A builder of a store on a fresh database (the same one on every call within a test). */
  abstract JdbcJobStore.Builder storeBuilder();

  @Override
  JobStore newStore(TestClock clock) {
    return storeBuilder().clock(clock).sweepBatchSize(SWEEP_BATCH).build();
  }

  @Override
  void closeStore(JobStore store) {
    ((JdbcJobStore) store).close();
  }

  @Test
  void sweepsExpiredJobsInBatchesAndKeepsTheRest() {
    List<JobRecord> expiring = new ArrayList<>();
    for (int i = 0; i < 3 * SWEEP_BATCH + 5; i++) {
      expiring.add(finished(store.insert(newRecord("alice", "key-" + i, "fp"))));
    }
    JobRecord unfinished = store.insert(newRecord("alice", null, null));
    clock.advance(TTL);
    JobRecord fresh = finished(store.insert(newRecord("alice", null, null)));

    assertThat(((JdbcJobStore) store).sweepExpired()).isEqualTo(expiring.size());
    assertThat(((JdbcJobStore) store).sweepExpired()).isZero();
    assertThat(store.find(unfinished.id())).isPresent();
    assertThat(store.find(fresh.id())).isPresent();
  }

  @Test
  void aReopenedStoreFindsItsJobs() {
    JobRecord record = finished(store.insert(newRecord("alice", "key-1", "fp")));
    ((JdbcJobStore) store).close();
    store = newStore(clock);

    assertThat(store.find(record.id())).map(r -> r.result().isPresent()).contains(true);
    assertThat(store.findByIdempotencyKey("alice", "key-1")).map(JobRecord::id).contains(record.id());
  }
}
