package org.lfenergy.sogno.samples.powerflow;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.lfenergy.sogno.sdk.async.jdbc.DurableJobsConfig;
import org.lfenergy.sogno.sdk.async.jdbc.JdbcJobStores;
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
 *   <tr><td>{@code SOGNO_JOBS_DIR}</td><td>{@code ./sogno-jobs}</td><td>directory of the embedded
 *       job database (H2, file {@code jobs.mv.db}): accepted jobs survive a restart or a crash and run
 *       again under the same id, so keep it on a volume that outlives the process</td></tr>
 *   <tr><td>{@code SOGNO_JOBS_JDBC_URL}</td><td>none</td><td>{@code jdbc:postgresql://…}: jobs in
 *       PostgreSQL instead, shared by replicas ({@code SOGNO_JOBS_JDBC_USER},
 *       {@code SOGNO_JOBS_JDBC_PASSWORD})</td></tr>
 *   <tr><td>{@code SOGNO_JOBS_MAX_ATTEMPTS}, {@code SOGNO_JOBS_LEASE_SECONDS},
 *       {@code SOGNO_JOBS_DRAIN_SECONDS}, {@code SOGNO_JOBS_REPLICA_ID}</td><td>3, 30, 30, host
 *       name</td><td>runs a job gets across crashes, lease of a replica's jobs, how long shutdown lets
 *       running jobs finish before re-queueing them, this replica's name: as sdk-async-jdbc's
 *       {@link DurableJobsConfig#fromEnvironment}</td></tr>
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
 *   <tr><td>{@code POWERFLOW_ITERATION_PAUSE}</td><td>{@code PT0S}</td><td>a pause after each Newton
 *       step, to watch a slow job (demos, crash tests)</td></tr>
 *   <tr><td>{@code SOGNO_AUTH_DISABLED}</td><td>{@code false}</td><td>{@code true}: development
 *       mode, no tokens checked; only on a loopback {@code SOGNO_HTTP_HOST}</td></tr>
 *   <tr><td>other {@code SOGNO_AUTH_*}</td><td></td><td>as sdk-server's {@link AuthConfig#fromEnvironment}</td></tr>
 * </table>
 *
 * <p>Jobs are durable (sdk-async-jdbc's {@code DurableJobs}): an accepted power flow is stored with its
 * request before the {@code 202}, so it survives a restart or a {@code SIGKILL} and runs (again) on the
 * next start; a client polling through the restart gets its result under the same id. The database
 * waits what the workers cannot run yet, so there is no queue limit; a database that cannot write
 * (down, disk full) answers {@code 503 job-state-unavailable} with {@code Retry-After}.
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
    Duration jobTtl,
    int maxRequestBytes,
    Duration shutdownGrace,
    List<String> trustedProxies,
    AuthConfig auth,
    KafkaConfig kafka,
    JobStoreConfig jobStore,
    DurableJobsConfig jobs,
    Duration iterationPause) {

  public ServiceConfig {
    Objects.requireNonNull(host, "host");
    require(port >= 0 && port <= 65535, "SOGNO_HTTP_PORT must be 0 to 65535, got " + port);
    require(jobTtl.compareTo(Duration.ZERO) > 0, "SOGNO_JOB_TTL must be positive, got " + jobTtl);
    require(maxRequestBytes >= 1, "SOGNO_MAX_REQUEST_BYTES must be positive, got " + maxRequestBytes);
    require(!shutdownGrace.isNegative(), "SOGNO_SHUTDOWN_GRACE must not be negative, got "
        + shutdownGrace);
    trustedProxies = List.copyOf(trustedProxies);
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(jobStore, "jobStore");
    Objects.requireNonNull(jobs, "jobs");
    require(!iterationPause.isNegative(), ITERATION_PAUSE + " must not be negative, got " + iterationPause);
  }

  /** A pause after each Newton step (ISO-8601 duration, default none): slow jobs for demos and crash tests. */
  public static final String ITERATION_PAUSE = "POWERFLOW_ITERATION_PAUSE";

  /** Reads the settings from {@code environment} (usually {@code System.getenv()}). */
  public static ServiceConfig fromEnvironment(Map<String, String> environment) {
    Function<String, String> env = name -> {
      String value = environment.get(name);
      return value == null || value.isBlank() ? null : value.trim();
    };
    return new ServiceConfig(
        orDefault(env.apply("SOGNO_HTTP_HOST"), "0.0.0.0"),
        integer(env, "SOGNO_HTTP_PORT", 8080),
        duration(env, "SOGNO_JOB_TTL", Duration.ofHours(24)),
        integer(env, "SOGNO_MAX_REQUEST_BYTES", 10 * 1024 * 1024),
        duration(env, "SOGNO_SHUTDOWN_GRACE", Duration.ofSeconds(20)),
        env.apply("SOGNO_TRUSTED_PROXIES") == null ? List.of()
            : Arrays.stream(env.apply("SOGNO_TRUSTED_PROXIES").split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList(),
        auth(environment, env),
        env.apply("SOGNO_KAFKA_BOOTSTRAP_SERVERS") == null ? null
            : KafkaConfig.fromEnvironment(environment),
        jobStore(env),
        jobs(environment, env),
        duration(env, ITERATION_PAUSE, Duration.ZERO));
  }

  /** {@code SOGNO_JOBS_DIR} or {@code SOGNO_JOBS_JDBC_URL} with its credentials. */
  private static JobStoreConfig jobStore(Function<String, String> env) {
    String dir = orDefault(env.apply(JdbcJobStores.DIR_VARIABLE), JdbcJobStores.DEFAULT_DIR);
    Path directory;
    try {
      directory = Path.of(dir);
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException(JdbcJobStores.DIR_VARIABLE + " must be a directory path, got '" + dir + "'", e);
    }
    return new JobStoreConfig(directory, env.apply(JdbcJobStores.JDBC_URL_VARIABLE),
        env.apply("SOGNO_JOBS_JDBC_USER"), env.apply("SOGNO_JOBS_JDBC_PASSWORD"));
  }

  /** sdk-async-jdbc's {@code SOGNO_JOBS_*} settings, with {@code SOGNO_JOB_WORKERS} workers. */
  private static DurableJobsConfig jobs(Map<String, String> environment, Function<String, String> env) {
    DurableJobsConfig jobs = DurableJobsConfig.fromEnvironment(environment);
    int workers = integer(env, "SOGNO_JOB_WORKERS", jobs.workers());
    require(workers >= 1, "SOGNO_JOB_WORKERS must be at least 1, got " + workers);
    return jobs.toBuilder().workers(workers).build();
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
    return new ServiceConfig(host, port, jobTtl, maxRequestBytes, shutdownGrace, trustedProxies, auth, kafka,
        jobStore, jobs, iterationPause);
  }

  /** A copy keeping its jobs in {@code jobStore}; tests use a temporary directory. */
  public ServiceConfig withJobStore(JobStoreConfig jobStore) {
    return new ServiceConfig(host, port, jobTtl, maxRequestBytes, shutdownGrace, trustedProxies, auth, kafka,
        jobStore, jobs, iterationPause);
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
