package org.lfenergy.sogno.sdk.bench.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lfenergy.sogno.sdk.kafka.Event;
import org.lfenergy.sogno.sdk.kafka.EventPublisher;
import org.lfenergy.sogno.sdk.kafka.KafkaSettings;
import org.lfenergy.sogno.sdk.kafka.MessagingMetrics;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaBroker;
import org.lfenergy.sogno.sdk.testkit.TestTopics;

/**
 * P3 and P4 in one run on the embedded broker: the SDK publisher against a raw KafkaProducer, the SDK
 * subscriber against a raw poll loop. Rounds alternate which side goes first; the report gives the
 * median events/s per side and the ratio SDK / raw (goal ≥ 0.95). Arguments: {@code -smoke} for a
 * quick run (figures meaningless), {@code -events N} to change the events per round (default 200,000).
 */
public final class KafkaBenchmark {
  private static final int PARTITIONS = 6;

  private KafkaBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> arguments = List.of(args);
    boolean smoke = arguments.contains("-smoke");
    int eventsIndex = arguments.indexOf("-events");
    int events = eventsIndex >= 0 ? Integer.parseInt(arguments.get(eventsIndex + 1)) : smoke ? 5_000 : 200_000;
    int rounds = smoke ? 1 : 5;
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startDefault()) {
      String report = "## P3 / P4: Kafka, events/s (median of " + rounds + " rounds after 1 warm-up, "
          + events + " events per round)\n\n| benchmark | SDK | raw | SDK / raw |\n|---|---:|---:|---:|\n"
          + publishers(broker, events, rounds) + subscribers(broker, events, rounds);
      System.out.println();
      System.out.println(report);
    }
  }

  private static String publishers(EmbeddedKafkaBroker broker, int events, int rounds) throws InterruptedException {
    try (PublisherBench bench = new PublisherBench(broker.bootstrapServers())) {
      return compare("P3 publisher (async, acks=all)", rounds,
          () -> bench.sdk(topic(broker, "publish-sdk"), events),
          () -> bench.raw(topic(broker, "publish-raw"), events));
    }
  }

  private static String subscribers(EmbeddedKafkaBroker broker, int events, int rounds) throws InterruptedException {
    String topic = topic(broker, "subscribe");
    try (EventPublisher publisher = EventPublisher.builder().settings(KafkaSettings.of(broker.bootstrapServers()))
        .source(BenchEvents.SOURCE).metrics(MessagingMetrics.none()).build()) {
      for (int i = 0; i < events; i++) {
        publisher.publishAsync(topic, Event.of(BenchEvents.TYPE, BenchEvents.job(i)).subject(BenchEvents.key(i)).build());
      }
      publisher.flush();
    }
    SubscriberBench bench = new SubscriberBench(broker.bootstrapServers());
    return compare("P4 subscriber (1 consumer, commit per batch)", rounds,
        () -> bench.sdk(topic, events), () -> bench.raw(topic, events));
  }

  /** One measurement: events per second. */
  @FunctionalInterface
  private interface Side {
    double run() throws InterruptedException;
  }

  /** A warm-up round, then {@code rounds} rounds; each round runs both sides, alternating which goes first. */
  private static String compare(String name, int rounds, Side sdkSide, Side rawSide) throws InterruptedException {
    List<Double> sdk = new ArrayList<>();
    List<Double> raw = new ArrayList<>();
    for (int round = 0; round <= rounds; round++) {
      double s;
      double r;
      if (round % 2 == 0) {
        s = sdkSide.run();
        r = rawSide.run();
      } else {
        r = rawSide.run();
        s = sdkSide.run();
      }
      if (round > 0) {
        sdk.add(s);
        raw.add(r);
      }
      System.out.printf(Locale.ROOT, "%s round %d: sdk %.0f/s raw %.0f/s%n", name, round, s, r);
    }
    return row(name, sdk, raw);
  }

  private static String topic(EmbeddedKafkaBroker broker, String prefix) {
    String topic = TestTopics.uniqueName("sogno.bench." + prefix);
    broker.topics().create(topic, PARTITIONS);
    return topic;
  }

  private static String row(String name, List<Double> sdk, List<Double> raw) {
    double s = median(sdk);
    double r = median(raw);
    return String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.2f |%n", name, s, r, s / r);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
