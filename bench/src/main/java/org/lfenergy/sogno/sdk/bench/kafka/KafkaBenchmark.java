package org.lfenergy.sogno.sdk.bench.kafka;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.lfenergy.sogno.sdk.bench.Medians;
import org.lfenergy.sogno.sdk.kafka.Event;
import org.lfenergy.sogno.sdk.kafka.EventPublisher;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;

/**
 * P3 and P4 in one run on the embedded broker, which runs in a child JVM ({@link ChildBroker}): the SDK
 * publisher against a raw KafkaProducer, the SDK subscriber against a raw poll loop. Rounds alternate
 * which side goes first; the report gives the median events/s per side, the median CPU time this
 * process (the clients alone) spent per event, and the ratios SDK / raw (goal ≥ 0.95). Arguments:
 * {@code -smoke} for a quick run (figures meaningless), {@code -events N} events per round (default
 * 200,000), {@code -rounds N} measured rounds (default 5).
 */
public final class KafkaBenchmark {
  private static final int PARTITIONS = 6;

  private KafkaBenchmark() {}

  public static void main(String[] args) throws Exception {
    List<String> arguments = List.of(args);
    boolean smoke = arguments.contains("-smoke");
    int eventsIndex = arguments.indexOf("-events");
    int events = eventsIndex >= 0 ? Integer.parseInt(arguments.get(eventsIndex + 1)) : smoke ? 5_000 : 200_000;
    int roundsIndex = arguments.indexOf("-rounds");
    int rounds = roundsIndex >= 0 ? Integer.parseInt(arguments.get(roundsIndex + 1)) : smoke ? 1 : 5;
    try (ChildBroker broker = ChildBroker.start()) {
      String report = "## P3 / P4: Kafka, events/s (median of " + rounds + " rounds after 1 warm-up, "
          + events + " events per round; ratios: median (lowest–highest) of the rounds' ratios)\n\n"
          + "| benchmark | SDK events/s | raw events/s | SDK / raw, per round | SDK CPU µs/event | raw CPU µs/event "
          + "| raw / SDK CPU, per round |\n"
          + "|---|---:|---:|---:|---:|---:|---:|\n"
          + publishers(broker, events, rounds) + subscribers(broker, events, rounds);
      System.out.println();
      System.out.println(report);
    }
  }

  private static String publishers(ChildBroker broker, int events, int rounds) throws InterruptedException {
    try (PublisherBench bench = new PublisherBench(broker.bootstrapServers())) {
      return compare("P3 publisher (async, acks=all)", rounds, events,
          () -> bench.sdk(topic(broker, "publish-sdk"), events),
          () -> bench.raw(topic(broker, "publish-raw"), events));
    }
  }

  private static String subscribers(ChildBroker broker, int events, int rounds) throws InterruptedException {
    String topic = topic(broker, "subscribe");
    try (EventPublisher publisher = EventPublisher.builder().kafka(KafkaConfig.of(broker.bootstrapServers()))
        .source(BenchEvents.SOURCE).build()) {
      for (int i = 0; i < events; i++) {
        publisher.publishAsync(topic, Event.of(BenchEvents.TYPE, BenchEvents.job(i)).subject(BenchEvents.key(i)).build());
      }
      publisher.flush();
    }
    SubscriberBench bench = new SubscriberBench(broker.bootstrapServers());
    return compare("P4 subscriber vs a raw loop reading the CloudEvent with the CloudEvents SDK", rounds, events,
        () -> bench.sdk(topic, events),
        () -> bench.raw(topic, events, RawPollLoop.Reading.CLOUDEVENTS_SDK, RawPollLoop.jacksonPayloads()))
        + compare("P4 subscriber vs a raw loop checking ce_type only", rounds, events,
        () -> bench.sdk(topic, events),
        () -> bench.raw(topic, events, RawPollLoop.Reading.TYPE_ONLY, RawPollLoop.jacksonPayloads()))
        + compare("P4 subscriber vs a raw loop checking ce_type only, payloads read with the SDK's JSON"
            + " (messaging work alone)", rounds, events,
        () -> bench.sdk(topic, events),
        () -> bench.raw(topic, events, RawPollLoop.Reading.TYPE_ONLY, RawPollLoop.sdkJsonPayloads()));
  }

  /** One measurement: events per second. */
  @FunctionalInterface
  private interface Side {
    double run() throws InterruptedException;
  }

  /**
   * A warm-up round, then {@code rounds} rounds; each round runs both sides, alternating which goes
   * first. Besides events/s it takes this process's CPU time per event (the broker runs in another
   * process), which a busy machine disturbs far less than wall time.
   */
  private static String compare(String name, int rounds, int events, Side sdkSide, Side rawSide)
      throws InterruptedException {
    List<Double> sdk = new ArrayList<>();
    List<Double> raw = new ArrayList<>();
    List<Double> sdkCpu = new ArrayList<>();
    List<Double> rawCpu = new ArrayList<>();
    List<Double> rateRatios = new ArrayList<>();
    List<Double> cpuRatios = new ArrayList<>();
    for (int round = 0; round <= rounds; round++) {
      double[] s;
      double[] r;
      if (round % 2 == 0) {
        s = measure(sdkSide, events);
        r = measure(rawSide, events);
      } else {
        r = measure(rawSide, events);
        s = measure(sdkSide, events);
      }
      if (round > 0) {
        sdk.add(s[0]);
        raw.add(r[0]);
        sdkCpu.add(s[1]);
        rawCpu.add(r[1]);
        rateRatios.add(s[0] / r[0]);
        cpuRatios.add(r[1] / s[1]);
      }
      System.out.printf(Locale.ROOT, "%s round %d: sdk %.0f/s %.1f µs cpu/event, raw %.0f/s %.1f µs cpu/event%n",
          name, round, s[0], s[1], r[0], r[1]);
    }
    return String.format(Locale.ROOT, "| %s | %.0f | %.0f | %s | %.1f | %.1f | %s |%n", name, Medians.of(sdk),
        Medians.of(raw), withRange(rateRatios), Medians.of(sdkCpu), Medians.of(rawCpu), withRange(cpuRatios));
  }

  /** The median of the rounds' ratios, with the lowest and highest round. */
  private static String withRange(List<Double> ratios) {
    return String.format(Locale.ROOT, "**%.2f** (%.2f–%.2f)", Medians.of(ratios), ratios.stream().min(Double::compare).get(),
        ratios.stream().max(Double::compare).get());
  }

  /** Events/s and process CPU µs per event of one run. */
  private static double[] measure(Side side, int events) throws InterruptedException {
    long cpuBefore = processCpuNanos();
    double rate = side.run();
    double cpuMicrosPerEvent = (processCpuNanos() - cpuBefore) / 1e3 / events;
    return new double[] {rate, cpuMicrosPerEvent};
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static String topic(ChildBroker broker, String prefix) {
    return broker.createTopic("sogno.bench." + prefix, PARTITIONS);
  }
}
