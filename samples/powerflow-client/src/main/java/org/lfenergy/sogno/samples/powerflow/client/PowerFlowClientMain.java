package org.lfenergy.sogno.samples.powerflow.client;

import java.net.URI;
import java.nio.file.Path;
import org.lfenergy.sogno.samples.powerflow.client.generated.model.PowerFlowResult;
import org.lfenergy.sogno.sdk.core.SognoException;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;

/**
 * Command line: {@code PowerFlowClientMain [baseUrl] [request.json]} solves the request on the service
 * and prints progress and the per-bus table; waits on job events when
 * {@code SOGNO_KAFKA_BOOTSTRAP_SERVERS} is set. Exit code 0 on a converged result, 1 otherwise.
 */
public final class PowerFlowClientMain {
  static final String DEFAULT_BASE_URL = "http://localhost:8080";
  static final String DEFAULT_CASE = "samples/powerflow-service/src/main/resources/examples/ieee14.json";

  private PowerFlowClientMain() {
  }

  public static void main(String[] args) {
    URI baseUrl = URI.create(args.length > 0 ? args[0] : DEFAULT_BASE_URL);
    Path request = Path.of(args.length > 1 ? args[1] : DEFAULT_CASE);
    // snippet-start:use (shown in README.md)
    try (PowerFlowClient client = PowerFlowClient.builder()
        .baseUrl(baseUrl)
        .kafka(kafkaFromEnvironment())
        .progress(System.out::println)
        .build()) {
      PowerFlowResult result = client.solve(PowerFlowCases.read(request));
      System.out.print(BusTable.format(result));
    } catch (SognoException e) {
      System.err.println("power flow failed: " + e.getMessage());
      System.exit(1);
    }
    // snippet-end:use
  }

  /** Kafka settings when {@code SOGNO_KAFKA_BOOTSTRAP_SERVERS} is set, else null. */
  static KafkaConfig kafkaFromEnvironment() {
    String servers = System.getenv("SOGNO_KAFKA_BOOTSTRAP_SERVERS");
    return servers == null || servers.isBlank() ? null : KafkaConfig.fromEnvironment();
  }
}
