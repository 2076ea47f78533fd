package org.lfenergy.sogno.sdk.conformance.internal;

import java.util.Locale;

/** Media type names: JSON ones, problem documents, and the type of a {@code Content-Type} header. */
public final class MediaTypes {
  /** RFC 9457's media type. */
  public static final String PROBLEM = "application/problem+json";

  private MediaTypes() {
  }

  /** The type without parameters, lower case: {@code application/json} of {@code application/json; charset=utf-8}. */
  public static String essence(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }

  /** Tells whether the media type is JSON: {@code application/json} or any {@code +json} type. */
  public static boolean isJson(String mediaType) {
    String essence = essence(mediaType);
    return essence.equals("application/json") || essence.endsWith("+json");
  }
}
