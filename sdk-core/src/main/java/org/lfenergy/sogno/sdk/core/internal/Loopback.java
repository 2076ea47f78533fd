package org.lfenergy.sogno.sdk.core.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Whether a host name is the loopback interface, decided from its text alone (no DNS lookup, which
 * could be answered by anyone): {@code localhost}, an IPv4 literal in 127.0.0.0/8, or IPv6 {@code ::1}.
 */
public final class Loopback {
  private Loopback() {}

  /** @param host as in a URI, IPv6 literals with or without brackets */
  public static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String name = host.toLowerCase(Locale.ROOT);
    if (name.startsWith("[") && name.endsWith("]")) {
      name = name.substring(1, name.length() - 1);
    }
    return name.equals("localhost") || name.equals("localhost.") || isIpv4Loopback(name) || isIpv6Loopback(name);
  }

  private static boolean isIpv4Loopback(String name) {
    String[] octets = name.split("\\.", -1);
    if (octets.length != 4 || !octets[0].equals("127")) {
      return false;
    }
    for (String octet : octets) {
      if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(c -> c >= '0' && c <= '9')
          || Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpv6Loopback(String name) {
    if (!name.contains(":")) {
      return false;
    }
    try {
      // A text with a colon is parsed as an IPv6 literal, never looked up.
      return InetAddress.getByName("[" + name + "]").isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
