package org.lfenergy.sogno.sdk.async.kafka.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.lfenergy.sogno.sdk.async.kafka.DistributedJobsConfig;
import org.lfenergy.sogno.sdk.core.SognoException;
import org.lfenergy.sogno.sdk.kafka.KafkaConfig;
import org.lfenergy.sogno.sdk.kafka.TopicProvisioner;
import org.lfenergy.sogno.sdk.kafka.TopicSpec;

/**
 * Creates the request and state topics and sets the share group's configs: start from the earliest
 * request (a new group must not skip jobs accepted before the first worker joined), the acquisition
 * lock duration and the delivery limit.
 */
public final class ShareGroupSetup {
  private ShareGroupSetup() {}

  /** @throws SognoException if the broker refuses (e.g. a lock duration outside its bounds) or does not answer */
  public static void apply(KafkaConfig settings, DistributedJobsConfig config) {
    try (TopicProvisioner provisioner = TopicProvisioner.create(settings)) {
      provisioner.provision(
          TopicSpec.builder(config.requestTopic()).partitions(config.partitions())
              .replicationFactor(config.replicationFactor()).build(),
          TopicSpec.builder(config.stateTopic()).partitions(config.partitions())
              .replicationFactor(config.replicationFactor()).compacted(true).build());
    }
    Map<String, Object> properties = new HashMap<>(settings.properties());
    properties.put("client.id", "sogno-jobs-setup-" + config.replicaId());
    try (Admin admin = Admin.create(properties)) {
      ConfigResource group = new ConfigResource(ConfigResource.Type.GROUP, config.shareGroup());
      List<AlterConfigOp> ops = List.of(
          set("share.auto.offset.reset", "earliest"),
          set("share.record.lock.duration.ms", String.valueOf(config.lockDuration().toMillis())),
          set("share.delivery.count.limit", String.valueOf(config.deliveryLimit())));
      admin.incrementalAlterConfigs(Map.of(group, ops)).all().get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new SognoException("The broker refused the configs of share group " + config.shareGroup()
          + " (lock " + config.lockDuration() + ", delivery limit " + config.deliveryLimit() + "): "
          + e.getCause().getMessage(), e.getCause(), null);
    } catch (TimeoutException e) {
      throw new SognoException("No answer configuring share group " + config.shareGroup(), e, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SognoException("Interrupted configuring share group " + config.shareGroup(), e, null);
    }
  }

  private static AlterConfigOp set(String name, String value) {
    return new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET);
  }
}
