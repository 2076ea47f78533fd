package org.lfenergy.sogno.sdk.kafka;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.lfenergy.sogno.sdk.kafka.internal.Redaction;

/**
 * Where and how to reach Kafka: bootstrap servers, client id, and any client property (security
 * protocol, SASL and SSL settings) passed through unchanged to every producer, consumer and admin
 * client the SDK creates. Immutable and thread-safe.
 *
 * <p>From the environment, {@link #fromEnvironment()} maps every {@code SOGNO_KAFKA_<NAME>}
 * variable to the client property {@code <name>} in lower case with {@code _} replaced by
 * {@code .}: {@code SOGNO_KAFKA_BOOTSTRAP_SERVERS} → {@code bootstrap.servers},
 * {@code SOGNO_KAFKA_SECURITY_PROTOCOL} → {@code security.protocol},
 * {@code SOGNO_KAFKA_SASL_JAAS_CONFIG} → {@code sasl.jaas.config},
 * {@code SOGNO_KAFKA_SSL_TRUSTSTORE_LOCATION} → {@code ssl.truststore.location}, and so on.
 *
 * <p>{@link #toString()} masks passwords, JAAS configs, keys and tokens; the SDK never logs them.
 */
public final class KafkaConfig {
  /** Prefix of the environment variables {@link #fromEnvironment()} reads. */
  public static final String ENVIRONMENT_PREFIX = "SOGNO_KAFKA_";

  private final Map<String, String> properties;

  private KafkaConfig(Map<String, String> properties) {
    this.properties = Map.copyOf(properties);
  }

  /** A builder with no settings. */
  public static Builder builder() {
    return new Builder(Map.of());
  }

  /** Settings for {@code bootstrapServers} and nothing else (PLAINTEXT). */
  public static KafkaConfig of(String bootstrapServers) {
    return builder().bootstrapServers(bootstrapServers).build();
  }

  /**
   * Settings from the process environment; see the class comment for the mapping.
   *
   * @throws IllegalArgumentException if {@code SOGNO_KAFKA_BOOTSTRAP_SERVERS} is not set
   */
  public static KafkaConfig fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /** Settings from the given variables, for tests and for callers with their own environment. */
  public static KafkaConfig fromEnvironment(Map<String, String> environment) {
    Builder builder = builder();
    environment.forEach((name, value) -> {
      if (name.startsWith(ENVIRONMENT_PREFIX) && name.length() > ENVIRONMENT_PREFIX.length()) {
        String property = name.substring(ENVIRONMENT_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
        builder.property(property, value);
      }
    });
    return builder.build();
  }

  /** {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return properties.get("bootstrap.servers");
  }

  /** Every client property, secrets included: hand it to Kafka, never to a logger. */
  public Map<String, String> properties() {
    return properties;
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    return new Builder(properties);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KafkaConfig && ((KafkaConfig) other).properties.equals(properties);
  }

  @Override
  public int hashCode() {
    return properties.hashCode();
  }

  /** The settings with every secret replaced by {@code [redacted]}. */
  @Override
  public String toString() {
    return "KafkaConfig" + Redaction.redact(properties);
  }

  /** Builds {@link KafkaConfig}. Not thread-safe. */
  public static final class Builder {
    private final Map<String, String> properties;

    private Builder(Map<String, String> properties) {
      this.properties = new LinkedHashMap<>(properties);
    }

    /** Comma-separated {@code host:port} list. */
    public Builder bootstrapServers(String bootstrapServers) {
      return property("bootstrap.servers", bootstrapServers);
    }

    /** {@code client.id} prefix; the SDK appends the client's role. */
    public Builder clientId(String clientId) {
      return property("client.id", clientId);
    }

    /** {@code security.protocol}: {@code PLAINTEXT}, {@code SSL}, {@code SASL_PLAINTEXT}, {@code SASL_SSL}. */
    public Builder securityProtocol(String securityProtocol) {
      return property("security.protocol", securityProtocol);
    }

    /** Any Kafka client property, passed through unchanged (SASL, SSL, timeouts, ...). */
    public Builder property(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (name.isBlank()) {
        throw new IllegalArgumentException("property name must not be blank");
      }
      properties.put(name, value);
      return this;
    }

    /**
     * @throws IllegalArgumentException if {@code bootstrap.servers} is missing or blank
     */
    public KafkaConfig build() {
      String servers = properties.get("bootstrap.servers");
      if (servers == null || servers.isBlank()) {
        throw new IllegalArgumentException(
            "Kafka bootstrap servers are not set: call bootstrapServers(...) or set "
                + ENVIRONMENT_PREFIX + "BOOTSTRAP_SERVERS");
      }
      return new KafkaConfig(properties);
    }
  }
}
