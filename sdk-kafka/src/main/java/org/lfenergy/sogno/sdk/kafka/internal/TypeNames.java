package org.lfenergy.sogno.sdk.kafka.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;

/**
 * The event types a subscriber has handlers for, looked up by the bytes of a {@code ce_type} header:
 * a record of a registered type gets the registered name, the same {@code String} each time, rather
 * than a new one decoded per record. Bytes equal to a name's UTF-8 encoding decode to that name, so
 * the result is the same as decoding; names that do not survive the round trip (lone surrogates) are
 * left to decoding. Immutable, thread-safe.
 */
final class TypeNames {
  /** Knows no name: every value is decoded. */
  static final TypeNames NONE = new TypeNames(java.util.List.of());

  /** Open addressing, linear probing; at most half full. */
  private final byte[][] encoded;
  private final String[] names;
  private final int mask;

  TypeNames(Collection<String> names) {
    int size = 2;
    while (size < 2 * names.size()) {
      size <<= 1;
    }
    this.encoded = new byte[size][];
    this.names = new String[size];
    this.mask = size - 1;
    for (String name : names) {
      byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
      if (decode(bytes).equals(name)) {
        int slot = slot(bytes);
        while (encoded[slot] != null) {
          slot = (slot + 1) & mask;
        }
        encoded[slot] = bytes;
        this.names[slot] = name;
      }
    }
  }

  /** The registered name {@code value} encodes, else {@code value} decoded as UTF-8. */
  String name(byte[] value) {
    for (int slot = slot(value); encoded[slot] != null; slot = (slot + 1) & mask) {
      if (Arrays.equals(encoded[slot], value)) {
        return names[slot];
      }
    }
    return decode(value);
  }

  /** Type names share prefixes and suffixes: the length and a byte from the middle spread them well enough. */
  private int slot(byte[] value) {
    int hash = value.length == 0 ? 0 : value.length * 31 + value[value.length / 2] * 17 + value[value.length - 1];
    return (hash ^ (hash >>> 7)) & mask;
  }

  private static String decode(byte[] value) {
    return new String(value, StandardCharsets.UTF_8);
  }
}
