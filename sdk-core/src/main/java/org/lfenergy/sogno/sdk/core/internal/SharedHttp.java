package org.lfenergy.sogno.sdk.core.internal;

import okhttp3.OkHttpClient;

/**
 * The OkHttpClient every SDK client derives from unless the user supplies one: one connection pool
 * and one dispatcher for the whole process.
 */
public final class SharedHttp {
  private static final OkHttpClient BASE = new OkHttpClient();

  private SharedHttp() {}

  public static OkHttpClient base() {
    return BASE;
  }
}
