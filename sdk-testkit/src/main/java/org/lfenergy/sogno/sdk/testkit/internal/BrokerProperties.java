package org.lfenergy.sogno.sdk.testkit.internal;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The server properties of a single-node combined broker and controller on loopback. */
public final class BrokerProperties {
  public static final int NODE_ID = 1;
  public static final String BROKER_LISTENER = "PLAINTEXT";
  public static final String CONTROLLER_LISTENER = "CONTROLLER";
  private static final String HOST = "127.0.0.1";

  private BrokerProperties() {}

  /**
   * The defaults, then {@code overrides} on top. The replication settings of the internal topics
   * must be 1 on a single node, else consumer, transactional and share groups never start. Share
   * groups are switched on by the {@code share.version} feature at format time (Kafka 4.4
   * deprecates listing them in {@code group.coordinator.rebalance.protocols}).
   */
  public static Properties of(
      int brokerPort, int controllerPort, Path dataDirectory, Map<String, String> overrides) {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("process.roles", "broker,controller");
    settings.put("node.id", String.valueOf(NODE_ID));
    settings.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
    settings.put(
        "listeners",
        BROKER_LISTENER + "://" + HOST + ":" + brokerPort + ","
            + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
    settings.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort);
    settings.put("controller.listener.names", CONTROLLER_LISTENER);
    settings.put("inter.broker.listener.name", BROKER_LISTENER);
    settings.put(
        "listener.security.protocol.map",
        BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    settings.put("log.dirs", dataDirectory.toString());

    settings.put("offsets.topic.replication.factor", "1");
    settings.put("transaction.state.log.replication.factor", "1");
    settings.put("transaction.state.log.min.isr", "1");
    settings.put("share.coordinator.state.topic.replication.factor", "1");
    settings.put("share.coordinator.state.topic.min.isr", "1");
    settings.put("min.insync.replicas", "1");
    settings.put("default.replication.factor", "1");

    // Start fast and stay small on a developer's laptop or a 2-core CI runner.
    settings.put("group.initial.rebalance.delay.ms", "0");
    settings.put("offsets.topic.num.partitions", "1");
    settings.put("transaction.state.log.num.partitions", "1");
    settings.put("share.coordinator.state.topic.num.partitions", "1");
    settings.put("num.partitions", "1");
    settings.put("num.network.threads", "2");
    settings.put("num.io.threads", "4");
    settings.put("num.recovery.threads.per.data.dir", "1");
    settings.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
    settings.put("log.cleaner.threads", "1");
    settings.put("controlled.shutdown.enable", "true");
    settings.put("auto.create.topics.enable", "true");

    settings.putAll(overrides);
    Properties properties = new Properties();
    properties.putAll(settings);
    return properties;
  }
}
