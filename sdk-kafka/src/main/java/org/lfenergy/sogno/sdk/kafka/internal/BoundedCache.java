package org.lfenergy.sogno.sdk.kafka.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** A thread-safe memo that stops growing at its capacity (then it just computes). */
public final class BoundedCache<K, V> {
  private final int capacity;
  private final Map<K, V> entries = new ConcurrentHashMap<>();

  BoundedCache(int capacity) {
    this.capacity = capacity;
  }

  V computeIfAbsent(K key, Function<K, V> compute) {
    V value = entries.get(key);
    if (value != null) {
      return value;
    }
    value = compute.apply(key);
    if (entries.size() < capacity) {
      entries.putIfAbsent(key, value);
    }
    return value;
  }
}
