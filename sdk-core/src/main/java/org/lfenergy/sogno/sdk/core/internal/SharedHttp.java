package org.lfenergy.sogno.sdk.core.internal;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The OkHttpClient every SDK client derives from unless the user supplies one: one connection pool
 * and one dispatcher for the whole process.
 *
 * <p>The dispatcher allows more concurrent asynchronous calls per host than OkHttp's default of 5:
 * behind the platform's reverse proxy every service has the same host, and long polls hold a call
 * open for up to a minute. Its threads are daemon threads (OkHttp's own are not, and kept a JVM alive
 * for a minute after {@code main} returned): a program that never closes its clients still exits.
 *
 * <p>Clients using the shared client register with {@link #acquire()} and {@link #release()}; when
 * the last open one is closed, the pool's idle connections are closed too.
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

  private static final AtomicInteger OPEN_CLIENTS = new AtomicInteger();

  private SharedHttp() {}

  /** Records a client that uses {@link #base()}. */
  public static void acquire() {
    OPEN_CLIENTS.incrementAndGet();
  }

  /**
   * Records that a client using {@link #base()} was closed; the last one closes the pool's idle
   * connections (connections in use stay, and a later client opens new ones).
   */
  public static void release() {
    if (OPEN_CLIENTS.decrementAndGet() == 0) {
      BASE.connectionPool().evictAll();
    }
  }

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
    // OkHttp's default executor, but with daemon threads.
    ThreadPoolExecutor executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), SharedHttp::daemonThread);
    Dispatcher dispatcher = new Dispatcher(executor);
    dispatcher.setMaxRequests(MAX_REQUESTS);
    dispatcher.setMaxRequestsPerHost(MAX_REQUESTS_PER_HOST);
    return dispatcher;
  }

  private static final AtomicInteger THREADS = new AtomicInteger();

  private static Thread daemonThread(Runnable task) {
    Thread thread = new Thread(task, "sogno-http-dispatcher-" + THREADS.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }
}
