package org.lfenergy.sogno.sdk.bench.kafka;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.kafka.Event;
import org.lfenergy.sogno.sdk.kafka.EventPublisher;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;

/**
 * P3: {@link EventPublisher#publishAsync} against a raw {@code KafkaProducer} with the same settings
 * (acks=all, idempotence, lz4, linger 5 ms), the same JSON ({@link SognoJson}) and the same
 * CloudEvents headers built by hand. Both send N events asynchronously and wait for every ack.
 */
final class PublisherBench implements AutoCloseable {
  private final EventPublisher publisher;
  private final KafkaProducer<String, byte[]> raw;
  private final SognoJson json = SognoJson.defaults();

  PublisherBench(String bootstrapServers) {
    publisher = EventPublisher.builder().kafka(KafkaConfig.of(bootstrapServers)).source(BenchEvents.SOURCE).build();
    raw = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
        ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
        ProducerConfig.LINGER_MS_CONFIG, "5",
        ProducerConfig.CLIENT_ID_CONFIG, "bench-raw-producer"), new StringSerializer(), new ByteArraySerializer());
  }

  /** Events per second through the SDK publisher. */
  double sdk(String topic, int events) throws InterruptedException {
    return measure(events, (i, done) -> {
      String key = BenchEvents.key(i);
      publisher.publishAsync(topic, Event.of(BenchEvents.TYPE, BenchEvents.job(i)).subject(key).build())
          .whenComplete((result, error) -> done.accept(error));
    });
  }

  /** Events per second through the raw producer doing the same work. */
  double raw(String topic, int events) throws InterruptedException {
    return measure(events, (i, done) -> {
      String key = BenchEvents.key(i);
      byte[] value = json.write(BenchEvents.job(i));
      raw.send(new ProducerRecord<>(topic, null, key, value, BenchEvents.cloudEventHeaders(key)),
          (metadata, error) -> done.accept(error));
    });
  }

  /** Sends event {@code i} and reports its acknowledgement (or failure) to {@code done}. */
  @FunctionalInterface
  private interface Sender {
    void send(int i, Consumer<Throwable> done);
  }

  private static double measure(int events, Sender sender) throws InterruptedException {
    CountDownLatch acked = new CountDownLatch(events);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Consumer<Throwable> done = error -> {
      if (error != null) {
        failure.compareAndSet(null, error);
      }
      acked.countDown();
    };
    long started = System.nanoTime();
    for (int i = 0; i < events; i++) {
      sender.send(i, done);
    }
    acked.await();
    double seconds = (System.nanoTime() - started) / 1e9;
    if (failure.get() != null) {
      throw new IllegalStateException("a send failed", failure.get());
    }
    return events / seconds;
  }

  @Override
  public void close() {
    publisher.close();
    raw.close();
  }
}
