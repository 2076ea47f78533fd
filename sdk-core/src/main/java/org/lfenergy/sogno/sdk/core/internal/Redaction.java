package org.lfenergy.sogno.sdk.core.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import okhttp3.HttpUrl;

/**
 * The one place URLs are made fit to print. Logs show {@link #forLog} (user info masked, the values of
 * sensitive query parameters masked); exception messages and {@code toString()}s show {@link
 * #forMessage} (user info masked, no query or fragment at all, so no configured secret can be in it).
 */
public final class Redaction {
  /** What a secret is replaced with. */
  public static final String MASK = "██";

  private Redaction() {}

  /** {@code url} with {@code user:password@} masked and the query and fragment left out. */
  public static String forMessage(HttpUrl url) {
    HttpUrl bare = url.newBuilder().username("").password("").query(null).fragment(null).build();
    return withMaskedUserInfo(bare.toString(), hasUserInfo(url));
  }

  /** Like {@link #forMessage(HttpUrl)}; a relative URI gives its path, a non-HTTP URI scheme, host and path. */
  public static String forMessage(URI uri) {
    if (uri == null) {
      return "null";
    }
    HttpUrl url = uri.isAbsolute() ? HttpUrl.parse(uri.toString()) : null;
    if (url != null) {
      return forMessage(url);
    }
    if (uri.getScheme() == null) {
      return String.valueOf(uri.getRawPath());
    }
    String host = uri.getHost() == null ? "" : uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    return withMaskedUserInfo(uri.getScheme() + "://" + host + path, uri.getRawUserInfo() != null);
  }

  /**
   * {@code url} with {@code user:password@} masked and the value of every query parameter whose
   * (decoded) name {@code sensitive} accepts masked; other parameters as sent.
   */
  public static String forLog(HttpUrl url, Predicate<String> sensitive) {
    String bare = forMessage(url);
    if (url.encodedQuery() == null) {
      return bare;
    }
    StringBuilder shown = new StringBuilder(bare).append('?');
    for (String parameter : url.encodedQuery().split("&", -1)) {
      int equals = parameter.indexOf('=');
      String encodedName = equals < 0 ? parameter : parameter.substring(0, equals);
      boolean redact = equals >= 0 && sensitive.test(URLDecoder.decode(encodedName, StandardCharsets.UTF_8));
      shown.append(redact ? encodedName + "=" + MASK : parameter).append('&');
    }
    return shown.substring(0, shown.length() - 1);
  }

  private static boolean hasUserInfo(HttpUrl url) {
    return !url.encodedUsername().isEmpty() || !url.encodedPassword().isEmpty();
  }

  private static String withMaskedUserInfo(String url, boolean hadUserInfo) {
    if (!hadUserInfo) {
      return url;
    }
    int afterScheme = url.indexOf("://") + 3;
    return url.substring(0, afterScheme) + MASK + "@" + url.substring(afterScheme);
  }
}
