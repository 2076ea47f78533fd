package org.lfenergy.sogno.samples.powerflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.async.jdbc.DurableJobsConfig;
import org.lfenergy.sogno.sdk.server.auth.AuthConfig;

class ServiceConfigTest {
  private static final Map<String, String> IDENTITY_PROVIDER = Map.of(
      "SOGNO_AUTH_ISSUER", "https://idp.example/realms/sogno");

  private static Map<String, String> withoutAuth(String name, String value) {
    Map<String, String> env = new HashMap<>(Map.of("SOGNO_AUTH_DISABLED", "true"));
    env.put(name, value);
    return env;
  }

  @Test
  void defaultsEverythingButTheIdentityProvider() {
    ServiceConfig config = ServiceConfig.fromEnvironment(IDENTITY_PROVIDER);

    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.jobs().workers()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(config.jobStore()).as("the embedded database in ./sogno-jobs")
        .isEqualTo(JobStoreConfig.embedded(Path.of("sogno-jobs")));
    assertThat(config.jobs().maxAttempts()).isEqualTo(DurableJobsConfig.defaults().maxAttempts());
    assertThat(config.iterationPause()).isZero();
    assertThat(config.jobTtl()).isEqualTo(Duration.ofHours(24));
    assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(20));
    assertThat(config.trustedProxies()).isEmpty();
    assertThat(config.kafka()).as("no job events without a broker").isNull();
    assertThat(config.auth().issuer()).hasValue("https://idp.example/realms/sogno");
    assertThat(config.auth().audience()).as("the service's default audience").hasValue("powerflow");
    assertThat(config.auth().jwksUri()).as("from the issuer's discovery document").isEmpty();
  }

  @Test
  void readsEverySettingFromTheEnvironment() {
    ServiceConfig config = ServiceConfig.fromEnvironment(Map.of(
        "SOGNO_HTTP_HOST", "127.0.0.1",
        "SOGNO_HTTP_PORT", "9090",
        "SOGNO_JOB_WORKERS", "3",
        "SOGNO_JOB_TTL", "PT10M",
        "SOGNO_MAX_REQUEST_BYTES", "2048",
        "SOGNO_SHUTDOWN_GRACE", "PT1S",
        "SOGNO_TRUSTED_PROXIES", " 10.0.0.0/8, 127.0.0.1 ,",
        "SOGNO_AUTH_DISABLED", "true",
        "SOGNO_JOBS_DIR", "/var/lib/powerflow",
        "POWERFLOW_ITERATION_PAUSE", "PT0.5S"));

    assertThat(config.jobs().workers()).isEqualTo(3);
    assertThat(config).isEqualTo(new ServiceConfig("127.0.0.1", 9090,
        Duration.ofMinutes(10), 2048, Duration.ofSeconds(1), List.of("10.0.0.0/8", "127.0.0.1"),
        AuthConfig.development(), null, JobStoreConfig.embedded(Path.of("/var/lib/powerflow")), config.jobs(),
        Duration.ofMillis(500)));
  }

  @Test
  void switchesToPostgresWithTheJdbcUrlAndNeverPrintsItsPassword() {
    ServiceConfig config = ServiceConfig.fromEnvironment(Map.of("SOGNO_AUTH_DISABLED", "true",
        "SOGNO_JOBS_JDBC_URL", "jdbc:postgresql://db:5432/powerflow", "SOGNO_JOBS_JDBC_USER", "powerflow",
        "SOGNO_JOBS_JDBC_PASSWORD", "s3cret"));

    assertThat(config.jobStore().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/powerflow");
    assertThat(config.jobStore().user()).isEqualTo("powerflow");
    assertThat(config.jobStore().password()).isEqualTo("s3cret");
    assertThat(config.toString()).contains("jdbc:postgresql://db:5432/powerflow").doesNotContain("s3cret");
  }

  @Test
  void passesEveryKafkaVariableToTheClients() {
    ServiceConfig config = ServiceConfig.fromEnvironment(Map.of(
        "SOGNO_AUTH_DISABLED", "true",
        "SOGNO_KAFKA_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092",
        "SOGNO_KAFKA_SECURITY_PROTOCOL", "SASL_SSL"));

    assertThat(config.kafka().bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092");
    assertThat(config.kafka().properties()).containsEntry("security.protocol", "SASL_SSL");
  }

  @Test
  void readsTheOtherAuthVariablesAsTheRuntimeDoes() {
    ServiceConfig config = ServiceConfig.fromEnvironment(Map.of(
        "SOGNO_AUTH_ISSUER", "https://idp.example/realms/sogno", "SOGNO_AUTH_AUDIENCE", "grid",
        "SOGNO_AUTH_JWKS_URI", "https://idp.example/keys"));

    assertThat(config.auth().audience()).hasValue("grid");
    assertThat(config.auth().jwksUri()).hasValue(URI.create("https://idp.example/keys"));
  }

  @Test
  void refusesContradictoryOrMalformedAuthSettingsNamingTheVariable() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ServiceConfig.fromEnvironment(Map.of("SOGNO_AUTH_DISABLED", "yes")))
        .withMessageContaining("SOGNO_AUTH_DISABLED");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ServiceConfig.fromEnvironment(Map.of(
            "SOGNO_AUTH_ISSUER", "https://idp.example", "SOGNO_AUTH_JWKS_URI", "file:///etc/keys")))
        .withMessageContaining("SOGNO_AUTH_JWKS_URI");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ServiceConfig.fromEnvironment(Map.of(
            "SOGNO_AUTH_ISSUER", "https://idp.example", "SOGNO_AUTH_DISABLED", "true")))
        .withMessageContaining("SOGNO_AUTH_DISABLED");
  }

  @Test
  void namesTheVariableThatIsWrong() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ServiceConfig.fromEnvironment(withoutAuth("SOGNO_HTTP_PORT", "http")))
        .withMessage("SOGNO_HTTP_PORT must be an integer, got 'http'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ServiceConfig.fromEnvironment(withoutAuth("SOGNO_JOB_TTL", "1h")))
        .withMessageStartingWith("SOGNO_JOB_TTL must be an ISO-8601 duration");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ServiceConfig.fromEnvironment(withoutAuth("SOGNO_JOB_WORKERS", "0")))
        .withMessageStartingWith("SOGNO_JOB_WORKERS must be at least 1");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ServiceConfig.fromEnvironment(withoutAuth("SOGNO_JOBS_JDBC_URL", "jdbc:mysql://db/jobs?password=x")))
        .withMessage("SOGNO_JOBS_JDBC_URL must start with jdbc:postgresql: or jdbc:h2:, got a URL starting 'jdbc:mysql:'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ServiceConfig.fromEnvironment(withoutAuth("SOGNO_JOBS_DIR", "jo\u0000bs")))
        .withMessageStartingWith("SOGNO_JOBS_DIR must be a directory path");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ServiceConfig.fromEnvironment(withoutAuth("SOGNO_JOBS_MAX_ATTEMPTS", "many")))
        .withMessageContaining("SOGNO_JOBS_MAX_ATTEMPTS");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ServiceConfig.fromEnvironment(withoutAuth("POWERFLOW_ITERATION_PAUSE", "1s")))
        .withMessageStartingWith("POWERFLOW_ITERATION_PAUSE must be an ISO-8601 duration");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ServiceConfig.fromEnvironment(withoutAuth("SOGNO_HTTP_PORT", "70000")))
        .withMessageStartingWith("SOGNO_HTTP_PORT must be 0 to 65535");
  }
}
