package org.lfenergy.sogno.sdk.testkit.internal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.apache.kafka.server.common.ShareVersion;

/** Formats a KRaft data directory once, what {@code kafka-storage.sh format} does. */
public final class StorageFormatter {
  private StorageFormatter() {}

  /** True when the directory already holds a formatted log (a restart keeps its data). */
  public static boolean isFormatted(Path dataDirectory) {
    return Files.exists(dataDirectory.resolve("meta.properties"));
  }

  /**
   * Writes a fresh cluster id and the bootstrap metadata at the latest production metadata version,
   * with share groups switched on so {@code KafkaShareConsumer}s work.
   */
  public static void format(Path dataDirectory) throws Exception {
    Files.createDirectories(dataDirectory);
    new Formatter()
        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
        .setClusterId(Uuid.randomUuid().toString())
        .setNodeId(BrokerProperties.NODE_ID)
        .setControllerListenerName(BrokerProperties.CONTROLLER_LISTENER)
        .setMetadataLogDirectory(dataDirectory.toString())
        .addDirectory(dataDirectory.toString())
        .setReleaseVersion(MetadataVersion.latestProduction())
        .setFeatureLevel(ShareVersion.FEATURE_NAME, ShareVersion.LATEST_PRODUCTION.featureLevel())
        .run();
  }
}
