package org.lfenergy.sogno.sdk.async.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the embedded default: H2 in file mode on a temporary directory. */
class H2JobStoreContractTest extends JdbcJobStoreContract {
  @TempDir Path dataDir;

  @Override
  JdbcJobStore.Builder storeBuilder() {
    Path file = dataDir.resolve("jobs");
    return JdbcJobStores.builder("jdbc:h2:file:" + file, "sa", "");
  }
}
