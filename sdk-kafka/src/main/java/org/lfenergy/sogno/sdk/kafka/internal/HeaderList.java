package org.lfenergy.sogno.sdk.kafka.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The headers the SDK writes onto a record, on Kafka's public {@link Headers} interface rather than its
 * internal {@code RecordHeaders}: an ordered list, duplicates allowed, as Kafka keeps them. The producer
 * copies them into its own record. Not thread-safe; build, then hand over.
 */
public final class HeaderList implements Headers {
  private final List<Header> headers = new ArrayList<>(12);

  @Override
  public Headers add(Header header) {
    headers.add(Objects.requireNonNull(header, "header"));
    return this;
  }

  @Override
  public Headers add(String key, byte[] value) {
    return add(new Entry(key, value));
  }

  @Override
  public Headers remove(String key) {
    Objects.requireNonNull(key, "key");
    headers.removeIf(header -> header.key().equals(key));
    return this;
  }

  @Override
  public Header lastHeader(String key) {
    for (int i = headers.size() - 1; i >= 0; i--) {
      if (headers.get(i).key().equals(key)) {
        return headers.get(i);
      }
    }
    return null;
  }

  @Override
  public Iterable<Header> headers(String key) {
    return headers.stream().filter(header -> header.key().equals(key)).toList();
  }

  @Override
  public Header[] toArray() {
    return headers.toArray(new Header[0]);
  }

  @Override
  public Iterator<Header> iterator() {
    return headers.iterator();
  }

  @Override
  public String toString() {
    return "HeaderList" + headers.stream().map(Header::key).toList();
  }

  /** One header; the value array is kept as given (the SDK never changes it after adding). */
  private record Entry(String key, byte[] value) implements Header {
    private Entry {
      Objects.requireNonNull(key, "key");
    }
  }
}
