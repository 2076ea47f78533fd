package org.lfenergy.sogno.sdk.async.testing;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.async.server.JobManagerConfig;
import org.lfenergy.sogno.sdk.async.server.JobWork;
import org.lfenergy.sogno.sdk.async.server.http.JdkHttpServerAdapter;
import org.lfenergy.sogno.sdk.async.server.http.JobEndpoints;
import org.lfenergy.sogno.sdk.async.server.http.ServerRequest;
import org.lfenergy.sogno.sdk.async.server.http.TrustedProxies;
import org.lfenergy.sogno.sdk.core.Authentication;
import org.lfenergy.sogno.sdk.core.RetryConfig;
import org.lfenergy.sogno.sdk.core.SognoClient;
import org.lfenergy.sogno.sdk.core.SognoJson;

/**
 * A real job service on a loopback port: {@code POST /v1/tasks} starts a job whose work the test
 * supplies, {@code /v1/jobs/…} serves the job resources. The principal is the bearer token itself
 * ("Authorization: Bearer alice" is alice). Every request is recorded for assertions.
 */
public final class TestJobServer implements AutoCloseable {
  public static final String TASKS = "/v1/tasks";

  private final HttpServer http;
  private final ExecutorService httpThreads;
  private final JobManager manager;
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  private TestJobServer(int port, JobManagerConfig config, TrustedProxies proxies, Function<ServerRequest, JobWork> work)
      throws IOException {
    this.manager = JobManager.builder().config(config).build();
    JobEndpoints endpoints = JobEndpoints.of(manager, proxies, SognoJson.defaults());
    this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
    this.httpThreads = Executors.newFixedThreadPool(8);
    http.setExecutor(httpThreads);
    Function<HttpExchange, String> bearer = exchange -> {
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
    };
    record(http.createContext("/v1/jobs", JdkHttpServerAdapter.of(endpoints::handle).withPrincipals(bearer)));
    record(http.createContext(TASKS,
        JdkHttpServerAdapter.of(request -> endpoints.submit(request, "task", work.apply(request))).withPrincipals(bearer)));
    http.start();
  }

  /** A server on a free port. */
  public static TestJobServer start(JobManagerConfig config, TrustedProxies proxies, Function<ServerRequest, JobWork> work)
      throws IOException {
    return new TestJobServer(0, config, proxies, work);
  }

  /** A server on {@code port} (e.g. to restart one). */
  public static TestJobServer startOn(int port, JobManagerConfig config, Function<ServerRequest, JobWork> work) throws IOException {
    return new TestJobServer(port, config, TrustedProxies.none(), work);
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port());
  }

  public int port() {
    return http.getAddress().getPort();
  }

  public JobManager manager() {
    return manager;
  }

  /** A client of this server authenticated as {@code principal}, without retries (tests count requests). */
  public SognoClient client(String principal) {
    return SognoClient.builder()
        .baseUrl(baseUrl())
        .authentication(Authentication.bearer(principal))
        .retry(RetryConfig.disabled())
        .build();
  }

  /** The requests received so far. */
  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  /** How many {@code method} requests went to paths starting with {@code pathPrefix}. */
  public long count(String method, String pathPrefix) {
    return requests.stream().filter(r -> r.method().equals(method) && r.path().startsWith(pathPrefix)).count();
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    http.stop(0);
    manager.close();
    httpThreads.shutdownNow();
  }

  private void record(HttpContext context) {
    context.getFilters().add(new Filter() {
      @Override
      public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
        requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
            Map.copyOf(exchange.getRequestHeaders())));
        chain.doFilter(exchange);
      }

      @Override
      public String description() {
        return "records requests";
      }
    });
  }

  /** One received request. Header names as the JDK normalised them ("Authorization", "Prefer"). */
  public record Recorded(String method, String path, Map<String, List<String>> headers) {
    public boolean hasHeader(String name) {
      return headers.keySet().stream().anyMatch(key -> key.equalsIgnoreCase(name));
    }
  }
}
