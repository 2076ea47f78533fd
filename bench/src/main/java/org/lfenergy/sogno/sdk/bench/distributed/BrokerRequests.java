package org.lfenergy.sogno.sdk.bench.distributed;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Requests the in-process broker has handled so far, by API (the broker's own
 * {@code kafka.network:type=RequestMetrics,name=RequestsPerSec} counters in this JVM), to say how many
 * of each a job costs.
 */
final class BrokerRequests {
  private final Map<String, Long> counts;

  private BrokerRequests(Map<String, Long> counts) {
    this.counts = counts;
  }

  static BrokerRequests now() {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    Map<String, Long> counts = new TreeMap<>();
    try {
      for (ObjectName name : server.queryNames(
          new ObjectName("kafka.network:type=RequestMetrics,name=RequestsPerSec,*"), null)) {
        counts.merge(name.getKeyProperty("request"), ((Number) server.getAttribute(name, "Count")).longValue(), Long::sum);
      }
    } catch (JMException e) {
      throw new IllegalStateException("broker request metrics unreadable", e);
    }
    return new BrokerRequests(counts);
  }

  /** The requests since {@code earlier} per job, the most frequent APIs first, e.g. "Produce 4.1, Fetch 6.0". */
  String perJobSince(BrokerRequests earlier, int jobs) {
    return counts.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - earlier.counts.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() >= jobs / 100)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .map(e -> String.format(java.util.Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / (double) jobs))
        .collect(Collectors.joining(", "));
  }
}
