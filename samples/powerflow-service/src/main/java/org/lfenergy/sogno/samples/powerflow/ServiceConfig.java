package org.lfenergy.sogno.samples.powerflow;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;
import org.lfenergy.sogno.sdk.server.auth.AuthConfig;

/**
 * How the service runs, read from environment variables by {@link #fromEnvironment(Map)}.
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>variable</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code SOGNO_HTTP_HOST}</td><td>{@code 0.0.0.0}</td><td>address to listen on</td></tr>
 *   <tr><td>{@code SOGNO_HTTP_PORT}</td><td>8080</td><td>port to listen on (0 = any free)</td></tr>
 *   <tr><td>{@code SOGNO_JOB_WORKERS}</td><td>available processors</td><td>power flows solved
 *       at once</td></tr>
 *   <tr><td>{@code SOGNO_JOB_QUEUE_CAPACITY}</td><td>100</td><td>accepted power flows waiting for a
 *       worker; beyond that, 503 {@code queue-full}</td></tr>
 *   <tr><td>{@code SOGNO_JOB_TTL}</td><td>{@code PT24H}</td><td>how long a finished job and its
 *       result stay readable (ISO-8601 duration; the guidelines ask for at least a day)</td></tr>
 *   <tr><td>{@code SOGNO_MAX_REQUEST_BYTES}</td><td>10485760</td><td>largest request body</td></tr>
 *   <tr><td>{@code SOGNO_SHUTDOWN_GRACE}</td><td>{@code PT20S}</td><td>how long shutdown waits for
 *       requests in flight (ISO-8601 duration)</td></tr>
 *   <tr><td>{@code SOGNO_TRUSTED_PROXIES}</td><td>none</td><td>comma-separated addresses or CIDRs
 *       whose {@code Forwarded}/{@code X-Forwarded-*} headers build absolute links</td></tr>
 *   <tr><td>{@code SOGNO_AUTH_ISSUER}</td><td>none</td><td>the {@code iss} tokens must have; the
 *       identity provider's keys come from its discovery document unless {@code SOGNO_AUTH_JWKS_URI}
 *       names them</td></tr>
 *   <tr><td>{@code SOGNO_AUTH_AUDIENCE}</td><td>{@code powerflow} (with an issuer)</td><td>the
 *       {@code aud} tokens must include</td></tr>
 *   <tr><td>{@code SOGNO_KAFKA_BOOTSTRAP_SERVERS}</td><td>none</td><td>Kafka to publish job state
 *       changes to; no events without it. Every other {@code SOGNO_KAFKA_*} variable becomes a
 *       client property ({@code SOGNO_KAFKA_SECURITY_PROTOCOL} → {@code security.protocol})</td></tr>
 *   <tr><td>{@code SOGNO_AUTH_DISABLED}</td><td>{@code false}</td><td>{@code true}: development
 *       mode, no tokens checked; only on a loopback {@code SOGNO_HTTP_HOST}</td></tr>
 *   <tr><td>other {@code SOGNO_AUTH_*}</td><td></td><td>as sdk-server's {@link AuthConfig#fromEnvironment}</td></tr>
 * </table>
 *
 * <p>{@code kafka} is null when no {@code SOGNO_KAFKA_BOOTSTRAP_SERVERS} is set: the service then
 * publishes no job events. Immutable; the constructor and {@link #fromEnvironment} reject nonsense
 * values with an {@link IllegalArgumentException} naming the setting. Authentication is sdk-server's:
 * the spec's {@code security} decides what each operation needs, and a service started with neither an
 * issuer nor development mode refuses to start, naming the variables.
 */
public record ServiceConfig(
    String host,
    int port,
    int workers,
    int queueCapacity,
    Duration jobTtl,
    int maxRequestBytes,
    Duration shutdownGrace,
    List<String> trustedProxies,
    AuthConfig auth,
    KafkaConfig kafka) {

  public ServiceConfig {
    Objects.requireNonNull(host, "host");
    require(port >= 0 && port <= 65535, "SOGNO_HTTP_PORT must be 0 to 65535, got " + port);
    require(workers >= 1, "SOGNO_JOB_WORKERS must be at least 1, got " + workers);
    require(queueCapacity >= 0, "SOGNO_JOB_QUEUE_CAPACITY must not be negative, got " + queueCapacity);
    require(jobTtl.compareTo(Duration.ZERO) > 0, "SOGNO_JOB_TTL must be positive, got " + jobTtl);
    require(maxRequestBytes >= 1, "SOGNO_MAX_REQUEST_BYTES must be positive, got " + maxRequestBytes);
    require(!shutdownGrace.isNegative(), "SOGNO_SHUTDOWN_GRACE must not be negative, got "
        + shutdownGrace);
    trustedProxies = List.copyOf(trustedProxies);
    Objects.requireNonNull(auth, "auth");
  }

  /** Reads the settings from {@code environment} (usually {@code System.getenv()}). */
  public static ServiceConfig fromEnvironment(Map<String, String> environment) {
    Function<String, String> env = name -> {
      String value = environment.get(name);
      return value == null || value.isBlank() ? null : value.trim();
    };
    return new ServiceConfig(
        orDefault(env.apply("SOGNO_HTTP_HOST"), "0.0.0.0"),
        integer(env, "SOGNO_HTTP_PORT", 8080),
        integer(env, "SOGNO_JOB_WORKERS", Runtime.getRuntime().availableProcessors()),
        integer(env, "SOGNO_JOB_QUEUE_CAPACITY", 100),
        duration(env, "SOGNO_JOB_TTL", Duration.ofHours(24)),
        integer(env, "SOGNO_MAX_REQUEST_BYTES", 10 * 1024 * 1024),
        duration(env, "SOGNO_SHUTDOWN_GRACE", Duration.ofSeconds(20)),
        env.apply("SOGNO_TRUSTED_PROXIES") == null ? List.of()
            : Arrays.stream(env.apply("SOGNO_TRUSTED_PROXIES").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList(),
        auth(environment, env),
        env.apply("SOGNO_KAFKA_BOOTSTRAP_SERVERS") == null ? null
            : KafkaConfig.fromEnvironment(environment));
  }

  /** The audience tokens must carry unless {@code SOGNO_AUTH_AUDIENCE} says otherwise. */
  public static final String DEFAULT_AUDIENCE = "powerflow";

  /** sdk-server's {@code SOGNO_AUTH_*} settings, with {@link #DEFAULT_AUDIENCE} when an issuer is set. */
  private static AuthConfig auth(Map<String, String> environment, Function<String, String> env) {
    Map<String, String> withAudience = new HashMap<>(environment);
    if (env.apply("SOGNO_AUTH_ISSUER") != null && env.apply("SOGNO_AUTH_AUDIENCE") == null) {
      withAudience.put("SOGNO_AUTH_AUDIENCE", DEFAULT_AUDIENCE);
    }
    return AuthConfig.fromEnvironment(withAudience);
  }

  /** A copy listening on {@code port}; tests use 0. */
  public ServiceConfig withPort(int port) {
    return new ServiceConfig(host, port, workers, queueCapacity, jobTtl, maxRequestBytes,
        shutdownGrace, trustedProxies, auth, kafka);
  }

  private static int integer(Function<String, String> env, String name, int fallback) {
    String value = env.apply(name);
    try {
      return value == null ? fallback : Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer, got '" + value + "'", e);
    }
  }

  private static Duration duration(Function<String, String> env, String name, Duration fallback) {
    String value = env.apply(name);
    try {
      return value == null ? fallback : Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + " must be an ISO-8601 duration such as PT30S, got '" + value + "'", e);
    }
  }

  private static String orDefault(String value, String fallback) {
    return value == null ? fallback : value;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
