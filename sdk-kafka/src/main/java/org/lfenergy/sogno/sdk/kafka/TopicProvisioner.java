package org.lfenergy.sogno.sdk.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.lfenergy.sogno.sdk.kafka.internal.ProducerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes topics look like their {@link TopicSpec}s, idempotently: creates missing topics and sets
 * differing configs (retention, compaction, ...) of existing ones. Partition count and replication
 * factor of an existing topic are never changed (more partitions would reorder keys); differences
 * are reported as warnings. Running it again changes nothing.
 *
 * <p>Thread-safe; owns one Admin client. Throws {@link TopicProvisioningException} when the broker
 * refuses or does not answer within the timeout (default 30 s).
 */
public final class TopicProvisioner implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(TopicProvisioner.class);

  private static final Duration RETRY_PAUSE = Duration.ofMillis(50);

  private final Admin admin;
  private final Duration timeout;

  private TopicProvisioner(KafkaConfig settings, Duration timeout) {
    Map<String, Object> properties = new HashMap<>(settings.properties());
    properties.put("client.id", ProducerProperties.clientId(settings, "provisioner"));
    this.admin = Admin.create(properties);
    this.timeout = timeout;
  }

  /** A provisioner with a 30 s timeout per step. */
  public static TopicProvisioner create(KafkaConfig settings) {
    return create(settings, Duration.ofSeconds(30));
  }

  /** A provisioner with the given timeout per step. */
  public static TopicProvisioner create(KafkaConfig settings, Duration timeout) {
    return new TopicProvisioner(settings, timeout);
  }

  /** See {@link #provision(Collection)}. */
  public ProvisioningResult provision(TopicSpec... specs) {
    return provision(List.of(specs));
  }

  /**
   * Creates or aligns every topic.
   *
   * @throws TopicProvisioningException if the broker refused or did not answer
   */
  public ProvisioningResult provision(Collection<TopicSpec> specs) {
    Set<String> existing = await(() -> admin.listTopics().names(), "list topics");
    Set<String> created = new LinkedHashSet<>();
    List<TopicSpec> toCheck = new ArrayList<>();
    for (TopicSpec spec : specs) {
      if (existing.contains(spec.name()) || !create(spec)) {
        toCheck.add(spec);
      } else {
        created.add(spec.name());
      }
    }
    Set<String> reconfigured = new LinkedHashSet<>();
    Set<String> unchanged = new LinkedHashSet<>();
    List<String> warnings = new ArrayList<>();
    if (!toCheck.isEmpty()) {
      Map<String, TopicDescription> descriptions = describe(toCheck.stream().map(TopicSpec::name).collect(Collectors.toList()));
      for (TopicSpec spec : toCheck) {
        warnings.addAll(shapeWarnings(spec, descriptions.get(spec.name())));
        (alignConfigs(spec) ? reconfigured : unchanged).add(spec.name());
      }
    }
    awaitLeaders(created);
    warnings.forEach(warning -> log.warn(warning));
    ProvisioningResult result = new ProvisioningResult(created, reconfigured, unchanged, warnings);
    log.info("Provisioned topics: {}", result);
    return result;
  }

  @Override
  public void close() {
    admin.close(timeout);
  }

  /** False when another client created it first. */
  private boolean create(TopicSpec spec) {
    NewTopic topic = new NewTopic(spec.name(), spec.partitions(), spec.replicationFactor()).configs(spec.configs());
    try {
      admin.createTopics(List.of(topic)).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TopicExistsException) {
        return false;
      }
      throw failure("create topic " + spec.name(), e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw interruptedOrTimedOut("create topic " + spec.name(), e);
    }
  }

  private static List<String> shapeWarnings(TopicSpec spec, TopicDescription description) {
    List<String> warnings = new ArrayList<>();
    int partitions = description.partitions().size();
    if (partitions != spec.partitions()) {
      warnings.add("topic " + spec.name() + " has " + partitions + " partitions, the spec says " + spec.partitions()
          + "; not changed (more partitions would move keys)");
    }
    int replicas = description.partitions().get(0).replicas().size();
    if (replicas != spec.replicationFactor()) {
      warnings.add("topic " + spec.name() + " has replication factor " + replicas + ", the spec says "
          + spec.replicationFactor() + "; not changed (needs a partition reassignment)");
    }
    return warnings;
  }

  /** True when configs were changed. */
  private boolean alignConfigs(TopicSpec spec) {
    if (spec.configs().isEmpty()) {
      return false;
    }
    ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, spec.name());
    Config current = await(() -> admin.describeConfigs(List.of(resource)).all(), "describe configs of " + spec.name())
        .get(resource);
    List<AlterConfigOp> changes = new ArrayList<>();
    spec.configs().forEach((name, value) -> {
      ConfigEntry entry = current.get(name);
      if (entry == null || !value.equals(entry.value())) {
        changes.add(new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET));
      }
    });
    if (changes.isEmpty()) {
      return false;
    }
    await(() -> admin.incrementalAlterConfigs(Map.of(resource, changes)).all(), "alter configs of " + spec.name());
    return true;
  }

  private Map<String, TopicDescription> describe(Collection<String> topics) {
    return await(() -> admin.describeTopics(topics).allTopicNames(), "describe topics " + topics);
  }

  /**
   * Returns once every partition of {@code topics} has a leader that serves it, so that producers and
   * consumers of a just-created topic do not start against partitions nobody serves yet. The metadata
   * can name a leader a moment before that broker has taken the partition over, and an idempotent
   * producer whose first batch meets that moment may stay stuck on out-of-order sequence errors; so
   * beyond a leader in the metadata, each partition's end offset must be readable from it.
   */
  private void awaitLeaders(Collection<String> topics) {
    if (topics.isEmpty()) {
      return;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, TopicDescription> descriptions;
    while (!(descriptions = describe(topics)).values().stream()
        .allMatch(topic -> topic.partitions().stream().allMatch(partition -> partition.leader() != null))) {
      pause(deadline, "wait for the leaders of " + topics);
    }
    Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
    descriptions.values().forEach(topic -> topic.partitions().forEach(partition ->
        ends.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
    await(() -> admin.listOffsets(ends).all(), "read the end offsets of " + topics);
  }

  /**
   * The admin call's answer. A retriable error (a broker whose metadata has not caught up with a
   * just-created topic answers "unknown topic or partition") is retried until {@code timeout}.
   */
  private <T> T await(Supplier<KafkaFuture<T>> call, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        return call.get().get(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())),
            TimeUnit.MILLISECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof RetriableException) || System.nanoTime() >= deadline) {
          throw failure(what, e.getCause());
        }
        pause(deadline, what);
      } catch (InterruptedException | TimeoutException e) {
        throw interruptedOrTimedOut(what, e);
      }
    }
  }

  private void pause(long deadline, String what) {
    if (System.nanoTime() >= deadline) {
      throw interruptedOrTimedOut(what, new TimeoutException());
    }
    try {
      Thread.sleep(RETRY_PAUSE.toMillis());
    } catch (InterruptedException e) {
      throw interruptedOrTimedOut(what, e);
    }
  }

  private static TopicProvisioningException failure(String what, Throwable cause) {
    return new TopicProvisioningException("Cannot " + what + ": " + cause.getMessage(), cause);
  }

  private TopicProvisioningException interruptedOrTimedOut(String what, Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      return new TopicProvisioningException("Interrupted while trying to " + what, e);
    }
    return new TopicProvisioningException("Cannot " + what + ": no answer within " + timeout, e);
  }
}
