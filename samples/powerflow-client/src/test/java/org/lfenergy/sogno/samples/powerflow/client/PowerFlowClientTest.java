package org.lfenergy.sogno.samples.powerflow.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.lfenergy.sogno.samples.powerflow.PowerFlowService;
import org.lfenergy.sogno.samples.powerflow.ServiceConfig;
import org.lfenergy.sogno.samples.powerflow.client.generated.model.BusResult;
import org.lfenergy.sogno.samples.powerflow.client.generated.model.BusType;
import org.lfenergy.sogno.samples.powerflow.client.generated.model.PowerFlowRequest;
import org.lfenergy.sogno.samples.powerflow.client.generated.model.PowerFlowResult;
import org.lfenergy.sogno.samples.powerflow.client.generated.model.SolverOptions;
import org.lfenergy.sogno.sdk.async.JobFailedException;
import org.lfenergy.sogno.sdk.async.JobHandle;
import org.lfenergy.sogno.sdk.core.NotFoundException;
import org.lfenergy.sogno.sdk.core.UnprocessableEntityException;
import org.lfenergy.sogno.sdk.kafka.JobEvents;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaBroker;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaExtension;

/** The generated client against the real service on a loopback port, with and without Kafka. */
class PowerFlowClientTest {
  @RegisterExtension
  static final EmbeddedKafkaExtension kafka = EmbeddedKafkaExtension.shared();

  private final List<String> progress = new CopyOnWriteArrayList<>();
  @TempDir Path jobsDir;

  private PowerFlowService startService(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(Map.of(
        "SOGNO_HTTP_HOST", "127.0.0.1", "SOGNO_HTTP_PORT", "0", "SOGNO_AUTH_DISABLED", "true",
        "SOGNO_JOBS_DIR", jobsDir.toString()));
    env.putAll(extra);
    return PowerFlowService.start(ServiceConfig.fromEnvironment(env));
  }

  static PowerFlowRequest ieee14() {
    return PowerFlowCases.read(PowerFlowService.class.getResourceAsStream("/examples/ieee14.json"));
  }

  private static void assertPublishedSolution(PowerFlowResult result) {
    assertThat(result.getConverged()).isTrue();
    assertThat(result.getBuses()).hasSize(14);
    BusResult bus4 = result.getBuses().stream().filter(b -> b.getNumber() == 4).findFirst().orElseThrow();
    assertThat(bus4.getVoltagePu()).isCloseTo(1.019, within(0.002));
    assertThat(bus4.getAngleDeg()).isCloseTo(-10.33, within(0.05));
  }

  @Test
  void solvesTheIeee14CaseByPollingAndPrintsARowPerBus() {
    try (PowerFlowService service = startService(Map.of());
        PowerFlowClient client = PowerFlowClient.builder()
            .baseUrl(service.baseUri()).progress(progress::add).build()) {
      PowerFlowResult result = client.solve(ieee14());

      assertPublishedSolution(result);
      assertThat(progress.get(0)).matches("job [0-9a-f-]{36} accepted");
      assertThat(progress).last().asString().matches("job [0-9a-f-]{36}: succeeded.*");
      String table = BusTable.format(result);
      assertThat(table.lines()).hasSize(1 + 14 + 1);
      assertThat(table.lines().toList().get(0)).contains("bus", "|V| p.u.", "angle deg", "P MW", "Q MVAr");
      assertThat(table).contains("    1     1.0600      0.000     232.39");
    }
  }

  @Test
  void iteratesTheBusResultsOfAPowerFlowAcrossPagesWithoutHandlingCursors() {
    try (PowerFlowService service = startService(Map.of());
        PowerFlowClient client = PowerFlowClient.builder().baseUrl(service.baseUri()).build()) {
      JobHandle<PowerFlowResult> job = client.start(ieee14());
      PowerFlowResult result = client.await(job);

      // snippet-start:pages
      List<Integer> buses = new ArrayList<>();
      for (BusResult bus : client.busResults(job.jobId(), 4)) { // 4 buses a request, pages fetched as needed
        buses.add(bus.getNumber());
      }
      // snippet-end:pages
      List<Integer> pageSizes = new ArrayList<>();
      client.busResults(job.jobId(), 4).pages().forEach(page -> pageSizes.add(page.items().size()));

      assertThat(buses).containsExactlyElementsOf(result.getBuses().stream().map(BusResult::getNumber).toList())
          .hasSize(14);
      assertThat(pageSizes).containsExactly(4, 4, 4, 2);
      assertThat(client.busResults(job.jobId(), 1000).stream().map(BusResult::getVoltagePu).toList())
          .containsExactlyElementsOf(result.getBuses().stream().map(BusResult::getVoltagePu).toList());
    }
  }

  @Test
  void anUnknownPowerFlowFailsTheIterationWithTheTypedProblem() {
    try (PowerFlowService service = startService(Map.of());
        PowerFlowClient client = PowerFlowClient.builder().baseUrl(service.baseUri()).build()) {
      assertThatThrownBy(() -> client.busResults("00000000-0000-4000-8000-000000000000", 4).iterator().next())
          .isInstanceOfSatisfying(NotFoundException.class,
              e -> assertThat(e.problem().code()).isEqualTo("job-not-found"));
    }
  }

  @Test
  void waitsForTheJobEventOnKafkaWhenConfigured() {
    EmbeddedKafkaBroker broker = kafka.broker();
    if (!broker.topics().names().contains(JobEvents.TOPIC)) {
      broker.topics().create(JobEvents.TOPIC, 3);
    }
    try (PowerFlowService service = startService(
            Map.of("SOGNO_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers()));
        PowerFlowClient client = PowerFlowClient.builder()
            .baseUrl(service.baseUri())
            .kafka(KafkaConfig.of(broker.bootstrapServers()))
            .eventWait(Duration.ofSeconds(60))
            .progress(progress::add).build()) {
      assertPublishedSolution(client.solve(ieee14()));
      assertThat(progress).contains("waiting for the job's terminal event on Kafka")
          .anyMatch(line -> line.endsWith(": terminal event received from Kafka")
              || line.endsWith(": terminal state seen by polling"));
    }
  }

  @Test
  void aGridWithoutSlackBusGetsTheServicesValidationProblem() {
    PowerFlowRequest noSlack = ieee14();
    noSlack.getGrid().getBuses().forEach(bus -> bus.setType(BusType.PQ));
    try (PowerFlowService service = startService(Map.of());
        PowerFlowClient client = PowerFlowClient.builder().baseUrl(service.baseUri()).build()) {
      assertThatThrownBy(() -> client.solve(noSlack))
          .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
            assertThat(e.problem().code()).isEqualTo("validation-failed");
            assertThat(e.problem().errors()).extracting(error -> error.code()).contains("no-slack-bus");
          });
    }
  }

  @Test
  void aPowerFlowWithoutSolutionWithinTheOptionsFailsWithTheJobsProblem() {
    PowerFlowRequest oneStep = ieee14().options(new SolverOptions().maxIterations(1));
    try (PowerFlowService service = startService(Map.of());
        PowerFlowClient client = PowerFlowClient.builder()
            .baseUrl(service.baseUri()).progress(progress::add).build()) {
      assertThatThrownBy(() -> client.solve(oneStep))
          .isInstanceOfSatisfying(JobFailedException.class, e -> {
            assertThat(e.problem().code()).isEqualTo("power-flow-not-converged");
            assertThat(e.problem().extensions()).containsEntry("reason", "iteration-limit");
          });
      assertThat(progress).last().asString().matches("job [0-9a-f-]{36}: failed.*");
    }
  }
}
