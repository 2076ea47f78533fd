package org.lfenergy.sogno.sdk.bench.kafka;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.lfenergy.sogno.sdk.bench.RawJackson;
import org.lfenergy.sogno.sdk.core.SognoJson;

/**
 * The raw side of P4: the poll loop a developer writes without the SDK, with the subscriber's commit
 * policy (the handled offsets asynchronously after each batch, synchronously at the end), calling the
 * handler with each record's payload that its {@link Reading} lets through. Runs until {@code done}
 * says so, then commits and closes the consumer.
 */
final class RawPollLoop implements Runnable {
  private static final Set<String> ALLOWED = Set.of(BenchEvents.TYPE.name());

  /** How the loop reads a record: its payload when the record is of an allowed type, else null. */
  enum Reading {
    /** Only the {@code ce_type} header against the allow-list, then the JSON payload: the least work. */
    TYPE_ONLY {
      @Override
      Function<ConsumerRecord<byte[], byte[]>, BenchEvents.Job> reader(Function<byte[], BenchEvents.Job> payloads) {
        return record -> {
          Header type = record.headers().lastHeader("ce_type");
          return type != null && ALLOWED.contains(new String(type.value(), StandardCharsets.UTF_8))
              ? payloads.apply(record.value()) : null;
        };
      }
    },
    /**
     * The whole CloudEvent read by the CloudEvents SDK's Kafka binding (every attribute, as the SDK's
     * subscriber reads them), then the JSON payload: the same work as the SDK.
     */
    CLOUDEVENTS_SDK {
      @Override
      Function<ConsumerRecord<byte[], byte[]>, BenchEvents.Job> reader(Function<byte[], BenchEvents.Job> payloads) {
        CloudEventDeserializer events = new CloudEventDeserializer();
        return record -> {
          CloudEvent event = events.deserialize(record.topic(), record.headers(), record.value());
          return ALLOWED.contains(event.getType()) && event.getData() != null
              ? payloads.apply(event.getData().toBytes()) : null;
        };
      }
    };

    abstract Function<ConsumerRecord<byte[], byte[]>, BenchEvents.Job> reader(
        Function<byte[], BenchEvents.Job> payloads);
  }

  /** Payloads read with plain Jackson ({@link RawJackson}): what a loop without the SDK has. */
  static Function<byte[], BenchEvents.Job> jacksonPayloads() {
    return value -> {
      try {
        return RawJackson.mapper().readValue(value, BenchEvents.Job.class);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** Payloads read with the SDK's JSON: the raw loop then differs from the SDK in messaging work only. */
  static Function<byte[], BenchEvents.Job> sdkJsonPayloads() {
    SognoJson json = SognoJson.defaults();
    return value -> json.read(value, BenchEvents.Job.class);
  }

  private final Consumer<byte[], byte[]> consumer;
  private final String topic;
  private final Function<ConsumerRecord<byte[], byte[]>, BenchEvents.Job> reader;
  private final java.util.function.Consumer<BenchEvents.Job> handler;
  private final BooleanSupplier done;

  RawPollLoop(Consumer<byte[], byte[]> consumer, String topic, Reading reading,
      Function<byte[], BenchEvents.Job> payloads, java.util.function.Consumer<BenchEvents.Job> handler,
      BooleanSupplier done) {
    this.consumer = consumer;
    this.topic = topic;
    this.reader = reading.reader(payloads);
    this.handler = handler;
    this.done = done;
  }

  @Override
  public void run() {
    try (consumer) {
      consumer.subscribe(List.of(topic));
      Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
      while (!done.getAsBoolean()) {
        ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
        for (ConsumerRecord<byte[], byte[]> record : records) {
          BenchEvents.Job job = reader.apply(record);
          if (job != null) {
            handler.accept(job);
          }
          handled.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
        }
        if (!records.isEmpty()) {
          consumer.commitAsync(Map.copyOf(handled), null);
        }
      }
      consumer.commitSync(handled);
    }
  }
}
