package org.lfenergy.sogno.sdk.server.internal.auth;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * The rules for the URLs keys come from: absolute {@code http(s)}, and {@code https} unless the host
 * is a loopback address ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1}) — decided from the URL
 * alone, without DNS, so a name cannot be made to look local.
 */
public final class Urls {
  private Urls() {}

  /** @throws IllegalArgumentException naming {@code setting} when {@code value} is no URI */
  public static URI parse(String setting, String value) {
    try {
      return new URI(value.trim());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException(setting + " must be an absolute http(s) URL, was '" + value + "'", e);
    }
  }

  /** @throws IllegalArgumentException naming {@code setting} unless an absolute http(s) URL with a host */
  public static URI requireHttp(String setting, URI uri) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
      throw new IllegalArgumentException(setting + " must be an absolute http(s) URL, was '" + uri + "'");
    }
    return uri;
  }

  /**
   * @throws IllegalArgumentException naming {@code setting} for a plain {@code http} URL whose host
   *     is not a loopback address
   */
  public static URI requireSecure(String setting, URI uri) {
    requireHttp(setting, uri);
    if (uri.getScheme().equalsIgnoreCase("http") && !isLoopback(uri.getHost())) {
      throw new IllegalArgumentException(setting + " must be an https URL: keys fetched over plain http can be "
          + "replaced by anyone on the way, who can then forge tokens. Plain http is accepted only on a loopback "
          + "address or with SOGNO_AUTH_INSECURE_HTTP=true; was '" + uri + "'");
    }
    return uri;
  }

  /** Whether {@code host} (a name or an IP literal, IPv6 in brackets or not) is a loopback address; no DNS. */
  public static boolean isLoopback(String host) {
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    if (h.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!h.contains(":") && !h.matches("[0-9.]+")) {
      return false;
    }
    try {
      return InetAddress.getByName(h).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
