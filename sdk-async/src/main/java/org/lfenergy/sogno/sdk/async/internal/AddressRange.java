package org.lfenergy.sogno.sdk.async.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An IPv4 or IPv6 address or CIDR block, parsed from literals only (never a DNS lookup). */
public final class AddressRange {
  private final byte[] network;
  private final int prefixBits;

  private AddressRange(byte[] network, int prefixBits) {
    this.network = network;
    this.prefixBits = prefixBits;
  }

  /**
   * @param text {@code "10.0.0.0/8"}, {@code "127.0.0.1"}, {@code "::1"}, {@code "fd00::/8"}
   * @throws IllegalArgumentException if {@code text} is not an address literal or CIDR block
   */
  public static AddressRange parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    int slash = trimmed.indexOf('/');
    String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
    byte[] bytes = literal(address, text);
    int bits = bytes.length * 8;
    if (slash >= 0) {
      try {
        bits = Integer.parseInt(trimmed.substring(slash + 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("Bad prefix length in " + text);
      }
      if (bits < 0 || bits > bytes.length * 8) {
        throw new IllegalArgumentException("Bad prefix length in " + text);
      }
    }
    return new AddressRange(bytes, bits);
  }

  /** True if {@code address} lies in this range (an IPv4 address never matches an IPv6 range). */
  public boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    if (candidate.length != network.length) {
      return false;
    }
    int fullBytes = prefixBits / 8;
    for (int i = 0; i < fullBytes; i++) {
      if (candidate[i] != network[i]) {
        return false;
      }
    }
    int rest = prefixBits % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (candidate[fullBytes] & mask) == (network[fullBytes] & mask);
  }

  private static byte[] literal(String address, String original) {
    boolean ipv6 = address.contains(":");
    boolean literalChars =
        !address.isEmpty()
            && address.chars().allMatch(c -> (ipv6 ? Character.digit(c, 16) >= 0 : Character.isDigit(c)) || c == '.' || c == ':');
    if (!literalChars || (!ipv6 && address.chars().filter(c -> c == '.').count() != 3)) {
      throw new IllegalArgumentException("Not an IP address literal: " + original);
    }
    try {
      return InetAddress.getByName(address).getAddress(); // a literal: no lookup happens
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("Not an IP address literal: " + original, e);
    }
  }
}
