package org.lfenergy.sogno.sdk.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerConfigTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    ServerConfig config = ServerConfig.defaults();

    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.maxRequestBytes()).isEqualTo(1024 * 1024);
    assertThat(config.trustedProxies()).isEmpty();
    assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(20));
    assertThat(config.validateResponses()).isFalse();
    assertThat(ServerConfig.fromEnvironment(Map.of())).usingRecursiveComparison().isEqualTo(config);
  }

  @Test
  void readsEveryVariable() {
    ServerConfig config = ServerConfig.fromEnvironment(Map.of(
        "SOGNO_HTTP_HOST", "127.0.0.1",
        "SOGNO_HTTP_PORT", "9090",
        "SOGNO_MAX_REQUEST_BYTES", "2048",
        "SOGNO_TRUSTED_PROXIES", "10.0.0.0/8, ::1",
        "SOGNO_SHUTDOWN_GRACE", "PT5S",
        "SOGNO_VALIDATE_RESPONSES", "true"));

    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(9090);
    assertThat(config.maxRequestBytes()).isEqualTo(2048);
    assertThat(config.trustedProxies()).containsExactly("10.0.0.0/8", "::1");
    assertThat(config.shutdownGrace()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.validateResponses()).isTrue();
    assertThat(config.toBuilder().build()).usingRecursiveComparison().isEqualTo(config);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SOGNO_HTTP_PORT|abc|SOGNO_HTTP_PORT must be a port number 0-65535, was 'abc'",
      "SOGNO_HTTP_PORT|65536|SOGNO_HTTP_PORT must be a port number 0-65535, was '65536'",
      "SOGNO_MAX_REQUEST_BYTES|0|SOGNO_MAX_REQUEST_BYTES must be a whole number of bytes from 1 to 2147483639, was '0'",
      "SOGNO_MAX_REQUEST_BYTES|1MB|SOGNO_MAX_REQUEST_BYTES must be a whole number of bytes from 1 to 2147483639, was '1MB'",
      "SOGNO_SHUTDOWN_GRACE|20s|SOGNO_SHUTDOWN_GRACE must be an ISO-8601 duration of zero or more such as PT20S, was '20s'",
      "SOGNO_SHUTDOWN_GRACE|-PT1S|SOGNO_SHUTDOWN_GRACE must be an ISO-8601 duration of zero or more such as PT20S, was '-PT1S'",
      "SOGNO_TRUSTED_PROXIES|proxy.example|SOGNO_TRUSTED_PROXIES must be comma-separated IP addresses or CIDR blocks such as 10.0.0.0/8,::1, was 'proxy.example'",
      "SOGNO_VALIDATE_RESPONSES|yes|SOGNO_VALIDATE_RESPONSES must be true or false, was 'yes'"})
  void aBadVariableFailsNamingItAndTheAcceptedForm(String variable, String value, String message) {
    assertThatThrownBy(() -> ServerConfig.fromEnvironment(Map.of(variable, value)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void settersFailFastNamingTheSetting() {
    assertThatThrownBy(() -> ServerConfig.builder().port(-1)).hasMessageStartingWith("port ");
    assertThatThrownBy(() -> ServerConfig.builder().maxRequestBytes(0)).hasMessageStartingWith("maxRequestBytes ");
    assertThatThrownBy(() -> ServerConfig.builder().host(" ")).hasMessageStartingWith("host ");
    assertThatThrownBy(() -> ServerConfig.builder().shutdownGrace(Duration.ofSeconds(-1))).hasMessageStartingWith("shutdownGrace ");
    assertThatThrownBy(() -> ServerConfig.builder().trustedProxies(List.of("example.org"))).hasMessageStartingWith("trustedProxies ");
  }

  @Test
  void withMethodsReturnChangedCopies() {
    ServerConfig config = ServerConfig.defaults();

    assertThat(config.withPort(0).port()).isZero();
    assertThat(config.withValidateResponses(true).validateResponses()).isTrue();
    assertThat(config.port()).isEqualTo(8080);
  }
}
