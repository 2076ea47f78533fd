package org.lfenergy.sogno.sdk.async.internal;

import java.net.URI;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The origins (scheme, host, port; RFC 6454) a job handle may send requests to. Immutable and
 * thread-safe.
 */
public final class Origins {
  private final Set<String> allowed;

  private Origins(Set<String> allowed) {
    this.allowed = Set.copyOf(allowed);
  }

  /** The origins of {@code urls} (any absolute http(s) URLs; their paths are ignored). */
  public static Origins of(URI... urls) {
    Set<String> origins = new TreeSet<>();
    for (URI url : urls) {
      origins.add(originOf(url));
    }
    return new Origins(origins);
  }

  /**
   * These origins and {@code origins}, each given as an origin: {@code https://host[:port]}, without
   * user info, path (other than "/"), query or fragment.
   *
   * @throws IllegalArgumentException naming the setting {@code setting} for anything else
   */
  public Origins plus(Collection<URI> origins, String setting) {
    Set<String> union = new TreeSet<>(allowed);
    for (URI origin : origins) {
      if (origin == null || !origin.isAbsolute() || origin.getHost() == null || origin.getRawUserInfo() != null
          || !(origin.getRawPath() == null || origin.getRawPath().isEmpty() || origin.getRawPath().equals("/"))
          || origin.getRawQuery() != null || origin.getRawFragment() != null || !isHttp(origin)) {
        throw new IllegalArgumentException(
            setting + " takes origins such as https://jobs.example:8443 (scheme, host, optional port), was " + origin);
      }
      union.add(originOf(origin));
    }
    return new Origins(union);
  }

  /** Whether {@code url} is on one of these origins. */
  public boolean allows(URI url) {
    return isHttp(url) && url.getHost() != null && allowed.contains(originOf(url));
  }

  /** {@code scheme://host:port} of {@code url}, lower case, default ports made explicit. */
  public static String originOf(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    int port = url.getPort() >= 0 ? url.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
    return scheme + "://" + host + ":" + port;
  }

  /** {@code url} without user info, query and fragment: safe to put in a message or log. */
  public static String display(URI url) {
    return originOf(url) + (url.getRawPath() == null ? "" : url.getRawPath());
  }

  private static boolean isHttp(URI url) {
    return "http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme());
  }

  @Override
  public String toString() {
    return new TreeSet<>(allowed).toString();
  }
}
