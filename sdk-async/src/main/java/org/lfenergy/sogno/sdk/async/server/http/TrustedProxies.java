package org.lfenergy.sogno.sdk.async.server.http;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.lfenergy.sogno.sdk.async.internal.AddressRange;

/**
 * Which peers may tell the service its external URL through {@code Forwarded} (RFC 7239) or {@code
 * X-Forwarded-Proto}/{@code -Host}/{@code -Prefix}. Headers from any other peer are ignored, because a
 * client could otherwise make the service hand out {@code Location}s on a host of its choosing.
 *
 * <p>Only the last {@code Forwarded} element / the last {@code X-Forwarded-*} value is used: the one
 * the trusted peer itself added. Hosts, schemes and prefixes that are not well-formed are ignored too.
 * When nothing trustworthy is known, {@link JobEndpoints} answers with relative {@code Location}s.
 *
 * <p>Immutable and thread-safe.
 */
public final class TrustedProxies {
  private static final TrustedProxies NONE = new TrustedProxies(List.of());
  private static final Pattern HOST =
      Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?");
  private static final Pattern PREFIX = Pattern.compile("(?:/[A-Za-z0-9._~%!$&'()*+,;=:@-]+)+/?");

  private final List<AddressRange> ranges;

  private TrustedProxies(List<AddressRange> ranges) {
    this.ranges = ranges;
  }

  /** Trust no proxy: forwarded headers are always ignored. The default. */
  public static TrustedProxies none() {
    return NONE;
  }

  /**
   * Trust peers with these addresses or in these CIDR blocks.
   *
   * @param addressesOrCidrs e.g. {@code "10.0.0.0/8"}, {@code "127.0.0.1"}, {@code "::1"}
   * @throws IllegalArgumentException for anything that is not an IP literal or CIDR block (host names
   *     are refused: trust must not depend on DNS)
   */
  public static TrustedProxies of(String... addressesOrCidrs) {
    return new TrustedProxies(Stream.of(addressesOrCidrs).map(AddressRange::parse).collect(Collectors.toUnmodifiableList()));
  }

  /** True if {@code peer} is a trusted proxy. */
  public boolean isTrusted(InetAddress peer) {
    return peer != null && ranges.stream().anyMatch(range -> range.contains(peer));
  }

  /**
   * The external base URL ({@code scheme://host[:port][/prefix]}, no trailing slash) that a trusted
   * proxy reported for {@code request}; empty when the peer is untrusted or reported nothing usable.
   */
  public Optional<String> externalBase(ServerRequest request) {
    if (!isTrusted(request.remoteAddress().orElse(null))) {
      return Optional.empty();
    }
    String proto = null;
    String host = null;
    List<String> forwarded = request.headerValues("Forwarded");
    if (!forwarded.isEmpty()) {
      String lastElement = last(forwarded);
      for (String pair : lastElement.split(";")) {
        String[] nameValue = pair.split("=", 2);
        if (nameValue.length == 2) {
          String name = nameValue[0].trim().toLowerCase(Locale.ROOT);
          String value = unquote(nameValue[1].trim());
          if (name.equals("proto")) {
            proto = value;
          } else if (name.equals("host")) {
            host = value;
          }
        }
      }
    } else {
      proto = lastValue(request, "X-Forwarded-Proto");
      host = lastValue(request, "X-Forwarded-Host");
    }
    String prefix = lastValue(request, "X-Forwarded-Prefix");
    if (proto == null && host == null && prefix == null) {
      return Optional.empty();
    }
    proto = proto == null ? "http" : proto.toLowerCase(Locale.ROOT);
    host = host == null ? request.header("Host").orElse(null) : host;
    if (!(proto.equals("http") || proto.equals("https")) || host == null || !HOST.matcher(host).matches()) {
      return Optional.empty();
    }
    String path = prefix != null && PREFIX.matcher(prefix).matches() ? stripTrailingSlash(prefix) : "";
    return Optional.of(proto + "://" + host + path);
  }

  private static String lastValue(ServerRequest request, String header) {
    List<String> values = request.headerValues(header);
    if (values.isEmpty()) {
      return null;
    }
    String value = last(values).trim();
    return value.isEmpty() ? null : value;
  }

  private static String last(List<String> headerValues) {
    String lastHeader = headerValues.get(headerValues.size() - 1);
    return lastHeader.substring(lastHeader.lastIndexOf(',') + 1);
  }

  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }

  private static String stripTrailingSlash(String prefix) {
    return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
  }
}
