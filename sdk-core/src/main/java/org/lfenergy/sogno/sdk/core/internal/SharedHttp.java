package org.lfenergy.sogno.sdk.core.internal;

import javax.net.SocketFactory;
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

  /**
   * A builder derived from {@code client} whose sockets have no Nagle delay when {@code client} uses the
   * JDK's default socket factory (as a user-supplied {@code new OkHttpClient()} does); a factory the
   * user chose is left alone.
   */
  public static OkHttpClient.Builder newBuilderWithoutNagleDelay(OkHttpClient client) {
    OkHttpClient.Builder http = client.newBuilder();
    if (client.socketFactory() == SocketFactory.getDefault()) {
      http.socketFactory(new NoDelaySocketFactory());
    }
    return http;
  }

  private static Dispatcher dispatcher() {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(MAX_REQUESTS);
    dispatcher.setMaxRequestsPerHost(MAX_REQUESTS_PER_HOST);
    return dispatcher;
  }
}
