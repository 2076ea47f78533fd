package org.lfenergy.sogno.sdk.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.lfenergy.sogno.sdk.core.ObservabilityConfig;
import org.lfenergy.sogno.sdk.core.testing.ChildJvm;
import org.lfenergy.sogno.sdk.kafka.Fixtures.Sequenced;

/**
 * A program run in a child JVM by {@link WithoutOptionalLibrariesTest}: publishes a CloudEvent and a
 * plain-JSON record and handles both, observability configured (with nothing in it) and not; prints
 * what it got and whether OpenTelemetry and Micrometer were on its class path.
 */
public final class MessagingProgram {
  static final String LAST_LINE = "main returns";

  private MessagingProgram() {}

  /** {@code <bootstrapServers> <events topic> <json topic>}. */
  public static void main(String[] args) throws Exception {
    ChildJvm.printOptionalLibraries();
    KafkaConfig kafka = KafkaConfig.builder().bootstrapServers(args[0]).clientId("messaging-program").build();
    ObservabilityConfig nothing = ObservabilityConfig.defaults();
    CompletableFuture<Event<Sequenced>> event = new CompletableFuture<>();
    CompletableFuture<Map<String, String>> jsonHeaders = new CompletableFuture<>();
    try (EventPublisher events = EventPublisher.builder().kafka(kafka).source(Fixtures.SOURCE).observability(nothing)
            .build();
        JsonPublisher json = JsonPublisher.builder().kafka(kafka).build();
        EventSubscriber subscriber = EventSubscriber.builder().kafka(kafka).groupId("messaging-program")
            .topics(args[1]).on(Fixtures.SEQUENCED, event::complete)
            .onJson(args[2], Sequenced.class, message -> jsonHeaders.complete(message.headers()))
            .onFailure(Fixtures.CREATING_DEAD_LETTER_TOPICS).pollTimeout(Duration.ofMillis(100))
            .build().start()) {
      events.publish(args[1], Fixtures.SEQUENCED, new Sequenced("k", 1));
      json.publish(args[2], "k", new Sequenced("k", 2));
      System.out.println("handled event " + event.get(60, TimeUnit.SECONDS).data().sequence());
      System.out.println("json headers " + jsonHeaders.get(60, TimeUnit.SECONDS).keySet());
    }
    System.out.println(LAST_LINE);
  }
}
