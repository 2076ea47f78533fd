package org.lfenergy.sogno.sdk.server.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.lfenergy.sogno.sdk.async.server.JobManager;
import org.lfenergy.sogno.sdk.async.server.JobWork;
import org.lfenergy.sogno.sdk.async.server.http.JobEndpoints;
import org.lfenergy.sogno.sdk.async.server.http.ServerResponse;
import org.lfenergy.sogno.sdk.async.server.http.TrustedProxies;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.SognoJson;
import org.lfenergy.sogno.sdk.core.server.ProblemResponse;
import org.lfenergy.sogno.sdk.server.OutgoingResponse;

/**
 * Wires job-starting operations and the base spec's shared job paths to sdk-async's {@link
 * JobEndpoints} through its public API: idempotency keys, owners, {@code 202} with {@code Location}
 * and {@code Retry-After}, {@code Prefer: wait=N}. Its answers are brought into the runtime's
 * vocabulary: one {@code X-Request-ID}, and problems re-typed to the SDK's type URI and re-written by
 * {@link ProblemResponse}.
 */
final class JobBridge {
  /** The base spec's job operations, which this serves without a handler. */
  static final Set<String> OPERATIONS = Set.of("getJob", "cancelJob", "getJobResult");

  private final JobEndpoints endpoints;
  private final SognoJson json;

  JobBridge(JobManager manager, TrustedProxies proxies, SognoJson json) {
    this.endpoints = JobEndpoints.of(manager, proxies, json);
    this.json = json;
  }

  CompletableFuture<OutgoingResponse> submit(Exchange exchange, byte[] body, String kind, JobWork work) {
    return endpoints.submit(exchange.toAsync(body), kind, work).thenApply(r -> convert(r, exchange.requestId()));
  }

  CompletableFuture<OutgoingResponse> handle(Exchange exchange) {
    return endpoints.handle(exchange.toAsync(new byte[0])).thenApply(r -> convert(r, exchange.requestId()));
  }

  private OutgoingResponse convert(ServerResponse response, String requestId) {
    boolean problem = response.header("Content-Type").map(type -> MediaTypes.essence(type).equals(Problem.MEDIA_TYPE))
        .orElse(false);
    if (!problem) {
      return Answers.of(response.status(), response.headers(), response.body(), null, requestId, false);
    }
    Problem read = json.read(response.body(), Problem.class);
    Problem typed = read.code() == null ? read : read.toBuilder().type(Problem.sdkType(read.code())).build();
    ProblemResponse answer = ProblemResponse.of(typed, json);
    for (Map.Entry<String, List<String>> header : response.headers().entrySet()) {
      if (!header.getKey().equalsIgnoreCase("Content-Type") && !header.getValue().isEmpty()) {
        answer = answer.withHeader(header.getKey(), header.getValue().get(0));
      }
    }
    return Answers.problem(answer, requestId);
  }
}
