package org.lfenergy.sogno.sdk.server.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.lfenergy.sogno.sdk.core.server.Problems;
import org.lfenergy.sogno.sdk.server.OutgoingResponse;

/**
 * What every service serves without a handler, on {@code GET} (and {@code HEAD}): the health probes
 * of the base spec ({@code /health/live}, always up while the process answers; {@code /health/ready},
 * up between start and the beginning of shutdown) and the API documentation ({@link ApiDocs}). Other
 * methods on these paths get 405 with {@code Allow: GET, HEAD}.
 */
final class BuiltIns {
  static final String LIVE = "/health/live";
  static final String READY = "/health/ready";
  /** The base spec's operation ids of the probes. */
  static final List<String> OPERATIONS = List.of("getLiveness", "getReadiness");

  private static final byte[] UP = "{\"status\":\"up\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] DOWN = "{\"status\":\"down\"}".getBytes(StandardCharsets.UTF_8);

  private final ApiDocs docs;
  private final AtomicBoolean ready = new AtomicBoolean();

  BuiltIns(ApiDocs docs) {
    this.docs = docs;
  }

  void ready(boolean isReady) {
    ready.set(isReady);
  }

  boolean isReady() {
    return ready.get();
  }

  Optional<OutgoingResponse> serve(Exchange exchange) {
    String path = exchange.request().rawPath();
    boolean health = path.equals(LIVE) || path.equals(READY);
    Optional<ApiDocs.Asset> asset = health ? Optional.empty() : docs.find(path);
    if (!health && asset.isEmpty()) {
      return Optional.empty();
    }
    String method = exchange.request().method();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return Optional.of(Answers.problem(Problems.of(405, "method-not-allowed", method
          + " is not allowed here; use GET, HEAD.").withHeader("Allow", "GET, HEAD"), exchange.requestId()));
    }
    if (health) {
      boolean up = path.equals(LIVE) || ready.get();
      return Optional.of(Answers.of(up ? 200 : 503, Map.of("Cache-Control", List.of("no-store")),
          up ? UP : DOWN, "application/json", exchange.requestId(), false));
    }
    return Optional.of(Answers.of(200, Map.of("Cache-Control", List.of("no-cache")), asset.get().body(),
        asset.get().contentType(), exchange.requestId(), false));
  }
}
