package org.lfenergy.sogno.sdk.server;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.server.auth.Principal;
import org.lfenergy.sogno.sdk.server.jdk.JdkServer;

/**
 * The test service of {@code secured.yaml}: bearer tokens required globally, scopes on some
 * operations (one with two alternatives), one open operation, a job-starting operation on {@link
 * #jobs}. {@code whoAmI} answers what the handler was told about the caller.
 */
final class SecuredService implements AutoCloseable {
  final JobManager jobs = JobManager.builder().build();
  final List<ResponseValidationException> violations = new CopyOnWriteArrayList<>();
  private JdkServer running;

  /** The server configuration of {@code environment} on a free loopback port, responses validated. */
  static ServerConfig config(Map<String, String> environment) {
    Map<String, String> all = new HashMap<>(environment);
    all.putIfAbsent("SOGNO_HTTP_HOST", "127.0.0.1");
    all.putIfAbsent("SOGNO_HTTP_PORT", "0");
    all.put("SOGNO_VALIDATE_RESPONSES", "true");
    return ServerConfig.fromEnvironment(all);
  }

  SognoServer.Builder builder(ServerConfig config) {
    return SognoServer.builder()
        .jobs(jobs)
        .specResource("secured.yaml")
        .config(config)
        .onResponseViolation(violations::add)
        .handle("whoAmI", request -> OperationResponse.ok(Map.of(
            "principal", request.principal().orElse(""),
            "subject", request.authenticated().map(Principal::subject).orElse(""),
            "scopes", request.authenticated().map(p -> List.copyOf(new TreeSet<>(p.scopes()))).orElse(List.of()),
            "development", request.authenticated().map(Principal::isDevelopment).orElse(false))))
        .handle("listReports", request -> OperationResponse.ok(Map.of("items", List.of())))
        .handle("listNotices", request -> OperationResponse.ok(Map.of("anonymous", request.authenticated().isEmpty())))
        .handle("startCalculation", request -> {
          int input = ((Number) request.body(Map.class).get("input")).intValue();
          return OperationResponse.job("calculation", context -> Map.of("output", 2 * input));
        });
  }

  /** Starts the service on the JDK adapter with {@code config}. */
  Http start(ServerConfig config) {
    running = JdkServer.start(builder(config).build());
    return new Http(running.baseUri());
  }

  @Override
  public void close() {
    if (running != null) {
      running.close();
    }
    jobs.close();
  }
}
