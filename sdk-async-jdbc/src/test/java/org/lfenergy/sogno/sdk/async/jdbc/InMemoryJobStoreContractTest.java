package org.lfenergy.sogno.sdk.async.jdbc;

import org.lfenergy.sogno.sdk.async.jdbc.testing.TestClock;
import org.lfenergy.sogno.sdk.async.server.InMemoryJobStore;
import org.lfenergy.sogno.sdk.async.server.JobStore;

/** The store contract on the in-memory default, the reference the durable stores are held to. */
class InMemoryJobStoreContractTest extends JobStoreContract {
  @Override
  JobStore newStore(TestClock clock) {
    return InMemoryJobStore.withCapacity(10_000, clock);
  }
}
