package org.lfenergy.sogno.sdk.conformance.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.server.OperationResponse;
import org.lfenergy.sogno.sdk.server.ServerConfig;
import org.lfenergy.sogno.sdk.server.SognoServer;

/**
 * The sample power-flow service ({@code samples/powerflow-service}) as the conformance tests check
 * it: its spec, that spec without its security requirements, and sdk-server serving it with the
 * sample's one operation, a job answering a fixed converged result. This module's tests and
 * sdk-conformance-cli's (through this module's test jar) use it.
 */
public final class SampleService {
  /** A {@code security:} member with its list, at any depth (document or operation). */
  private static final Pattern SECURITY = Pattern.compile("(?m)^( *)security:\n(?:\\1 +- .*\n)+");

  private SampleService() {}

  /** The sample's spec, seen from {@code moduleDirectory}: a module folder beside {@code samples}. */
  public static Path spec(Path moduleDirectory) {
    return moduleDirectory.resolve("../samples/powerflow-service/src/main/resources/openapi.yaml").normalize();
  }

  /**
   * {@code spec} without its security requirements (document and operations), written to {@code
   * target}: for services that do not authenticate.
   *
   * @return {@code target}
   * @throws IllegalStateException when {@code spec} has no security requirement to remove, or one
   *     remains (the sample's requirements were moved or reshaped)
   */
  public static Path withoutSecurity(Path spec, Path target) {
    try {
      String text = Files.readString(spec);
      String open = SECURITY.matcher(text).replaceAll("");
      if (open.equals(text) || open.contains("security:")) {
        throw new IllegalStateException("The sample spec's security requirements moved: " + spec);
      }
      return Files.writeString(target, open);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * sdk-server serving {@code spec} with {@code config} and the sample's operations: a power flow run
   * as a job of {@code jobs}, and its bus results (none) as one page, with the job manager's problems
   * for an unknown, unfinished or failed job.
   */
  public static SognoServer server(Path spec, ServerConfig config, JobManager jobs) {
    return SognoServer.builder()
        .spec(spec)
        .config(config)
        .jobs(jobs)
        .handle("startPowerFlow", request -> OperationResponse.job("powerflow", context -> Map.of(
            "converged", true, "iterations", 2, "maxMismatchPu", 1.0e-9, "baseMva", 100.0,
            "buses", List.of(), "branches", List.of(), "losses", Map.of("mw", 0.0, "mvar", 0.0))))
        .handle("listBusResults", request -> {
          jobs.result(request.pathParam("jobId").orElseThrow(), request.principal().orElse(null));
          return OperationResponse.ok(Map.of("items", List.of()));
        })
        .build();
  }
}
