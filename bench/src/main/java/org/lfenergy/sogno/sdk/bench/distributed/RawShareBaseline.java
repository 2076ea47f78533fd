package org.lfenergy.sogno.sdk.bench.distributed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.AcknowledgeType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;

/**
 * The raw library's ceiling for P7: {@code workers} share consumers (explicit acknowledgement, one
 * record per poll, as the SDK's workers take them) that ACCEPT each record at once, over the same
 * number of records produced with {@code acks=all}. No job state, no result.
 */
final class RawShareBaseline {
  private RawShareBaseline() {}

  static double run(KafkaConfig settings, String round, int workers, int records) throws Exception {
    String topic = "sogno.bench-" + round + ".requested.v1";
    String group = "bench-" + round;
    Map<String, Object> common = new HashMap<>(settings.properties());
    try (Admin admin = Admin.create(common)) {
      admin.createTopics(List.of(new NewTopic(topic, 4, (short) 1))).all().get(30, TimeUnit.SECONDS);
      admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.GROUP, group), List.of(
          new AlterConfigOp(new ConfigEntry("share.auto.offset.reset", "earliest"), AlterConfigOp.OpType.SET))))
          .all().get(30, TimeUnit.SECONDS);
    }
    CountDownLatch done = new CountDownLatch(records);
    List<Thread> threads = new ArrayList<>();
    List<KafkaShareConsumer<byte[], byte[]>> consumers = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      Map<String, Object> properties = new HashMap<>(common);
      properties.put("group.id", group);
      properties.put("share.acknowledgement.mode", "explicit");
      properties.put("share.acquire.mode", "record_limit");
      properties.put("max.poll.records", 1);
      KafkaShareConsumer<byte[], byte[]> consumer =
          new KafkaShareConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
      consumers.add(consumer);
      Thread thread = new Thread(() -> consume(consumer, topic, done), "raw-share-" + i);
      threads.add(thread);
      thread.start();
    }
    Map<String, Object> producerProperties = new HashMap<>(common);
    producerProperties.put("acks", "all");
    producerProperties.put("linger.ms", "0");
    long start = System.nanoTime();
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(producerProperties, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < records; i++) {
        producer.send(new ProducerRecord<>(topic, ("k" + i).getBytes(StandardCharsets.UTF_8),
            ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8))).get();
      }
    }
    if (!done.await(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException(done.getCount() + " records not consumed in round " + round);
    }
    double perSecond = records / ((System.nanoTime() - start) / 1e9);
    consumers.forEach(KafkaShareConsumer::wakeup);
    for (Thread thread : threads) {
      thread.join(10_000);
    }
    return perSecond;
  }

  private static void consume(KafkaShareConsumer<byte[], byte[]> consumer, String topic, CountDownLatch done) {
    try (consumer) {
      consumer.subscribe(List.of(topic));
      while (done.getCount() > 0) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          consumer.acknowledge(record, AcknowledgeType.ACCEPT);
          done.countDown();
        }
        consumer.commitSync();
      }
    } catch (org.apache.kafka.common.errors.WakeupException e) {
      // done
    }
  }
}
