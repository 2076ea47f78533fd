package org.lfenergy.sogno.sdk.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.lfenergy.sogno.sdk.kafka.Fixtures.Sequenced;

/** What handlers saw: distinct event ids, deliveries, and the order of sequences per key. */
final class Tally implements EventHandler<Sequenced> {
  private final Set<String> ids = ConcurrentHashMap.newKeySet();
  private final Map<String, List<Long>> sequencesByKey = new ConcurrentHashMap<>();
  private final AtomicLong deliveries = new AtomicLong();

  @Override
  public void handle(Event<Sequenced> event) {
    deliveries.incrementAndGet();
    ids.add(event.id());
    sequencesByKey.computeIfAbsent(event.data().key(), key -> Collections.synchronizedList(new ArrayList<>()))
        .add(event.data().sequence());
  }

  int distinct() {
    return ids.size();
  }

  long deliveries() {
    return deliveries.get();
  }

  Set<String> ids() {
    return ids;
  }

  /** After dropping redeliveries, every key's sequences arrived in publishing order without gaps. */
  void assertOrderPerKey(int keys, long perKey) {
    assertThat(sequencesByKey).hasSize(keys);
    sequencesByKey.forEach((key, sequences) -> {
      List<Long> firstSeen;
      synchronized (sequences) {
        firstSeen = new ArrayList<>(new LinkedHashSet<>(sequences));
      }
      assertThat(firstSeen).as("order of key %s", key).hasSize((int) perKey).isSorted();
    });
  }
}
