package org.lfenergy.sogno.samples.quickstart;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import org.lfenergy.sogno.samples.powerflow.PowerFlowService;
import org.lfenergy.sogno.samples.powerflow.ServiceConfig;
import org.lfenergy.sogno.samples.powerflow.client.BusTable;
import org.lfenergy.sogno.samples.powerflow.client.PowerFlowCases;
import org.lfenergy.sogno.samples.powerflow.client.PowerFlowClient;
import org.lfenergy.sogno.samples.powerflow.client.generated.model.PowerFlowResult;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaBroker;

/**
 * The one-command demo: a Kafka broker (embedded KRaft, or the one in
 * {@code SOGNO_KAFKA_BOOTSTRAP_SERVERS}), the power-flow service on a free loopback port publishing job
 * events to it, and the generated client solving the IEEE 14-bus case, waiting on the job's event and
 * printing the per-bus table. Everything is closed before {@link #run} returns; a failure propagates
 * (non-zero exit code under {@code mvn exec:java}).
 */
public final class Quickstart {
  private static final String BOOTSTRAP_SERVERS = "SOGNO_KAFKA_BOOTSTRAP_SERVERS";
  private static final String IEEE14 = "/examples/ieee14.json";

  private Quickstart() {
  }

  public static void main(String[] args) {
    run(System.getenv(), System.out);
  }

  /** Runs the demo with the given environment, printing progress and the table to {@code out}. */
  public static PowerFlowResult run(Map<String, String> environment, PrintStream out) {
    Map<String, String> kafka = new HashMap<>();
    environment.forEach((name, value) -> {
      if (name.startsWith(KafkaConfig.ENVIRONMENT_PREFIX)) {
        kafka.put(name, value);
      }
    });
    String external = kafka.get(BOOTSTRAP_SERVERS);
    if (external != null && !external.isBlank()) {
      out.println("kafka: " + external + " (" + BOOTSTRAP_SERVERS + ")");
      return runWith(kafka, out);
    }
    out.println("kafka: starting an embedded KRaft broker (set " + BOOTSTRAP_SERVERS + " to use yours)");
    // ERROR: the broker's own warnings (controller activation, closing its clients) are not the demo's.
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().logLevel("ERROR").start()) {
      out.println("kafka: " + broker.bootstrapServers());
      kafka.put(BOOTSTRAP_SERVERS, broker.bootstrapServers());
      return runWith(kafka, out);
    }
  }

  private static PowerFlowResult runWith(Map<String, String> kafkaEnvironment, PrintStream out) {
    KafkaConfig kafka = KafkaConfig.fromEnvironment(kafkaEnvironment);
    EventTopic.ensure(kafka);
    Map<String, String> serviceEnvironment = new HashMap<>(kafkaEnvironment);
    serviceEnvironment.putAll(Map.of("SOGNO_HTTP_HOST", "127.0.0.1", "SOGNO_HTTP_PORT", "0",
        "SOGNO_AUTH_DISABLED", "true", "SOGNO_SHUTDOWN_GRACE", "PT1S"));
    // The service keeps its jobs on disk; the demo's belong in the build directory, not beside the sources.
    serviceEnvironment.putIfAbsent("SOGNO_JOBS_DIR", "target/quickstart-jobs");
    try (PowerFlowService service = PowerFlowService.start(ServiceConfig.fromEnvironment(serviceEnvironment));
        PowerFlowClient client = PowerFlowClient.builder()
            .baseUrl(service.baseUri())
            .kafka(kafka)
            .progress(line -> out.println("client: " + line))
            .build()) {
      out.println("service: listening on " + service.baseUri() + " (loopback only, token checking off)");
      PowerFlowResult result = client.solve(PowerFlowCases.read(Quickstart.class.getResourceAsStream(IEEE14)));
      out.println();
      out.println("IEEE 14-bus case, solved by the power-flow service:");
      out.print(BusTable.format(result));
      return result;
    }
  }
}
