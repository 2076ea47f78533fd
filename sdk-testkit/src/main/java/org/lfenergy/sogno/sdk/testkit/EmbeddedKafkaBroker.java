package org.lfenergy.sogno.sdk.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;
import org.lfenergy.sogno.sdk.testkit.internal.BrokerLogging;
import org.lfenergy.sogno.sdk.testkit.internal.BrokerProperties;
import org.lfenergy.sogno.sdk.testkit.internal.Directories;
import org.lfenergy.sogno.sdk.testkit.internal.FatalExitGuard;
import org.lfenergy.sogno.sdk.testkit.internal.FreePorts;
import org.lfenergy.sogno.sdk.testkit.internal.Readiness;
import org.lfenergy.sogno.sdk.testkit.internal.StorageFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Kafka broker inside the test JVM: one KRaft node that is both broker and controller, on a
 * free loopback port, with the single-node settings consumer, transactional and share groups need.
 * No Docker, no ZooKeeper.
 *
 * <p>{@link #stop()} keeps the data directory and the port, so {@link #start()} afterwards brings
 * the same broker back with its topics, records and committed offsets: clients configured with
 * {@link #bootstrapServers()} reconnect on their own, which is what fault tests need.
 * {@link #close()} stops it and deletes the data directory unless the caller chose it.
 *
 * <p>Lifecycle methods are synchronized; {@link #bootstrapServers()} and {@link #topics()} may be
 * called from any thread. A fatal broker error throws in the broker's thread instead of calling
 * {@code System.exit}, so it fails the test rather than ending the JVM. {@link #start()} throws {@link
 * IllegalStateException}, with the cause, when the broker does not answer within the startup timeout
 * and after {@link #close()}.
 *
 * <p>Use it in test scope only: it brings the whole broker (Scala, log4j, the coordinators).
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

  private final Path dataDirectory;
  private final boolean ownsDataDirectory;
  private final Map<String, String> brokerProperties;
  private final Duration startupTimeout;
  private final int brokerPort;
  private final int controllerPort;
  private final TestTopics topics;
  private final String logLevel;
  private final boolean explicitLogLevel;

  private KafkaRaftServer server;
  private Duration lastStartupTime = Duration.ZERO;
  private boolean closed;

  private EmbeddedKafkaBroker(Builder builder) {
    this.ownsDataDirectory = builder.dataDirectory == null;
    this.dataDirectory =
        ownsDataDirectory ? Directories.createTemporary("sogno-kafka-") : builder.dataDirectory;
    this.brokerProperties = Map.copyOf(builder.brokerProperties);
    this.startupTimeout = builder.startupTimeout;
    this.brokerPort = builder.port != 0 ? builder.port : FreePorts.next();
    this.controllerPort = builder.controllerPort != 0 ? builder.controllerPort : FreePorts.next();
    this.explicitLogLevel = builder.logLevel != null || System.getProperty(BrokerLogging.PROPERTY) != null;
    this.logLevel = BrokerLogging.level(builder.logLevel);
    this.topics = new TestTopics(this::bootstrapServers);
  }

  /** A builder with the defaults: temporary data directory, free port, 60 s startup timeout. */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts a broker with the defaults; the caller closes it. */
  public static EmbeddedKafkaBroker startDefault() {
    return builder().build().start();
  }

  /**
   * Starts the broker, formatting the data directory on the first start. Returns when the broker
   * answers metadata requests. Does nothing if it is already running.
   *
   * @throws IllegalStateException if the broker was closed, or did not come up within the startup
   *     timeout (the message carries the cause)
   */
  public synchronized EmbeddedKafkaBroker start() {
    if (closed) {
      throw new IllegalStateException("the broker was closed; build a new one");
    }
    if (server != null) {
      return this;
    }
    long started = System.nanoTime();
    FatalExitGuard.install();
    BrokerLogging.apply(logLevel, explicitLogLevel);
    try {
      if (!StorageFormatter.isFormatted(dataDirectory)) {
        StorageFormatter.format(dataDirectory);
      }
      Properties properties =
          BrokerProperties.of(brokerPort, controllerPort, dataDirectory, brokerProperties);
      KafkaRaftServer candidate = new KafkaRaftServer(KafkaConfig.fromProps(properties), Time.SYSTEM);
      candidate.startup();
      server = candidate;
      Readiness.awaitBroker(bootstrapServers(), startupTimeout);
    } catch (Exception e) {
      stopQuietly();
      throw new IllegalStateException(
          "the embedded Kafka broker did not start on " + bootstrapServers() + ": " + e, e);
    }
    lastStartupTime = Duration.ofNanos(System.nanoTime() - started);
    log.info("Embedded Kafka broker up on {} in {} ms", bootstrapServers(), lastStartupTime.toMillis());
    return this;
  }

  /**
   * Shuts the broker down cleanly and waits for it; keeps the data directory and the port so
   * {@link #start()} restarts the same broker. Does nothing if it is not running.
   */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    KafkaRaftServer running = server;
    server = null;
    topics.disconnect();
    running.shutdown();
    running.awaitShutdown();
    log.info("Embedded Kafka broker on {} stopped", bootstrapServers());
  }

  /** {@link #stop()} then {@link #start()}: same data, same port. */
  public synchronized EmbeddedKafkaBroker restart() {
    stop();
    return start();
  }

  /** Stops the broker and deletes its data directory if the broker created it. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    stop();
    closed = true;
    if (ownsDataDirectory) {
      Directories.deleteRecursively(dataDirectory);
    }
  }

  /** {@code 127.0.0.1:<port>}; stays the same across restarts. */
  public String bootstrapServers() {
    return "127.0.0.1:" + brokerPort;
  }

  /** The broker's client port on loopback. */
  public int port() {
    return brokerPort;
  }

  /** Where the broker keeps its log and metadata. */
  public Path dataDirectory() {
    return dataDirectory;
  }

  /** True between a successful {@link #start()} and the next {@link #stop()}. */
  public synchronized boolean isRunning() {
    return server != null;
  }

  /** Wall time of the last successful start, including formatting and the readiness check. */
  public synchronized Duration lastStartupTime() {
    return lastStartupTime;
  }

  /** Creates, lists, deletes and reads topics on this broker. */
  public TestTopics topics() {
    return topics;
  }

  /** The client settings to reach this broker, for a producer, consumer or admin client. */
  public Map<String, Object> clientProperties() {
    return Map.of("bootstrap.servers", bootstrapServers());
  }

  private void stopQuietly() {
    try {
      stop();
    } catch (RuntimeException e) {
      log.warn("Embedded Kafka broker did not stop cleanly", e);
    }
  }

  /**
   * Settings of an {@link EmbeddedKafkaBroker}. Not thread-safe; {@link #build()} copies what it
   * needs.
   */
  public static final class Builder {
    private Path dataDirectory;
    private int port;
    private int controllerPort;
    private String logLevel;
    private final Map<String, String> brokerProperties = new LinkedHashMap<>();
    private Duration startupTimeout = Duration.ofSeconds(60);

    private Builder() {}

    /**
     * Keeps the broker's data here instead of a temporary directory that {@link #close()}
     * deletes. A formatted directory is reused as it is.
     */
    public Builder dataDirectory(Path dataDirectory) {
      this.dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory");
      return this;
    }

    /** A fixed client port instead of a free one; {@code 0} picks a free port. */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * A fixed controller port instead of a free one; {@code 0} picks a free port. With {@link #port}
     * and {@link #dataDirectory} it lets a broker in another process (see {@link ForkedKafkaBroker})
     * come back exactly as it was.
     */
    public Builder controllerPort(int controllerPort) {
      if (controllerPort < 0 || controllerPort > 65_535) {
        throw new IllegalArgumentException("controllerPort must be between 0 and 65535: " + controllerPort);
      }
      this.controllerPort = controllerPort;
      return this;
    }

    /**
     * The level of Kafka's loggers ({@code kafka}, {@code org.apache.kafka}, {@code
     * state.change.logger}) in this JVM, set on start: {@code OFF}, {@code ERROR}, {@code WARN},
     * {@code INFO}, {@code DEBUG} or {@code TRACE}. Default: system property {@code
     * sogno.testkit.kafka.log-level}, else {@code WARN}, which leaves loggers your logging configuration sets
     * alone. Applied through slf4j-simple (loggers not created yet), Logback or Log4j 2.
     *
     * @throws IllegalArgumentException if {@code level} is not one of those
     */
    public Builder logLevel(String level) {
      this.logLevel = BrokerLogging.checked(Objects.requireNonNull(level, "level"), "logLevel");
      return this;
    }

    /**
     * A server property set on top of the defaults (e.g. {@code log.retention.ms}). Listener,
     * port and directory settings are the kit's; overriding them is at the caller's risk.
     */
    public Builder brokerProperty(String name, String value) {
      brokerProperties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** How long {@link EmbeddedKafkaBroker#start()} waits for the broker to answer. */
    public Builder startupTimeout(Duration startupTimeout) {
      if (startupTimeout.isNegative() || startupTimeout.isZero()) {
        throw new IllegalArgumentException("startupTimeout must be positive: " + startupTimeout);
      }
      this.startupTimeout = startupTimeout;
      return this;
    }

    /** A broker that is not started yet. */
    public EmbeddedKafkaBroker build() {
      return new EmbeddedKafkaBroker(this);
    }

    /** {@code build().start()}. */
    public EmbeddedKafkaBroker start() {
      return build().start();
    }
  }
}
