package org.lfenergy.sogno.sdk.core.internal;

import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The OkHttpClient every SDK client derives from unless the user supplies one: one connection pool
 * and one dispatcher for the whole process.
 *
 * <p>The dispatcher allows more concurrent asynchronous calls per host than OkHttp's default of 5:
 * behind the platform's reverse proxy every service has the same host, and long polls hold a call
 * open for up to a minute.
 */
public final class SharedHttp {
  /** Concurrent asynchronous calls in the process. */
  public static final int MAX_REQUESTS = 256;
  /** Concurrent asynchronous calls to one host. */
  public static final int MAX_REQUESTS_PER_HOST = 64;

  private static final OkHttpClient BASE = new OkHttpClient.Builder()
      .dispatcher(dispatcher())
      .socketFactory(new NoDelaySocketFactory())
      .build();

  private SharedHttp() {}

  public static OkHttpClient base() {
    return BASE;
  }

  private static Dispatcher dispatcher() {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(MAX_REQUESTS);
    dispatcher.setMaxRequestsPerHost(MAX_REQUESTS_PER_HOST);
    return dispatcher;
  }
}
