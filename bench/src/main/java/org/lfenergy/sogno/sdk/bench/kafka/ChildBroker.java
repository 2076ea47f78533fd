package org.lfenergy.sogno.sdk.bench.kafka;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lfenergy.sogno.sdk.bench.ChildJvm;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;
import org.lfenergy.sogno.sdk.kafka.TopicProvisioner;
import org.lfenergy.sogno.sdk.kafka.TopicSpec;
import org.lfenergy.sogno.sdk.testkit.EmbeddedKafkaBroker;
import org.lfenergy.sogno.sdk.testkit.TestTopics;

/**
 * The embedded KRaft broker in a JVM of its own, so that the CPU time this process spends is the
 * clients' alone: an in-process broker's request handling, log appends and GC land in the same
 * process CPU figure and swamp a difference of a few per cent between two clients. The child stops
 * when this process closes it or dies (it exits when its standard input ends).
 */
final class ChildBroker implements AutoCloseable {
  private static final String READY = "BOOTSTRAP_SERVERS=";

  private final Process process;
  private final String bootstrapServers;

  private ChildBroker(Process process, String bootstrapServers) {
    this.process = process;
    this.bootstrapServers = bootstrapServers;
  }

  /** Starts the child and returns once its broker serves. */
  static ChildBroker start() throws IOException {
    Process process = new ProcessBuilder(ChildJvm.command(List.of("-Xmx1g"), ChildBroker.class.getName(), List.of()))
        .redirectErrorStream(true)
        .start();
    BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    for (String line; (line = output.readLine()) != null; ) {
      if (line.startsWith(READY)) {
        Thread drain = new Thread(() -> output.lines().forEach(ignored -> { }), "child-broker-output");
        drain.setDaemon(true);
        drain.start();
        return new ChildBroker(process, line.substring(READY.length()));
      }
    }
    throw new IOException("the broker process ended before it served (exit " + process.exitValue() + ")");
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  /** Creates a topic with a unique name starting with {@code prefix}; returns once its leaders serve. */
  String createTopic(String prefix, int partitions) {
    String name = TestTopics.uniqueName(prefix);
    try (TopicProvisioner provisioner = TopicProvisioner.create(KafkaConfig.of(bootstrapServers))) {
      provisioner.provision(TopicSpec.builder(name).partitions(partitions).replicationFactor(1).build());
    }
    return name;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    process.getOutputStream().close(); // the child stops its broker cleanly
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  /** The child: starts the broker, says where it is, serves until its standard input ends. */
  public static void main(String[] args) throws IOException {
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startDefault()) {
      System.out.println(READY + broker.bootstrapServers());
      System.out.flush();
      while (System.in.read() >= 0) {
        // keep serving
      }
    }
  }
}
