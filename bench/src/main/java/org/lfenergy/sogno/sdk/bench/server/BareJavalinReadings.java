package org.lfenergy.sogno.sdk.bench.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.OffsetDateTime;
import java.util.Set;

/**
 * The baseline of the server runtime benchmark: the same two operations on a bare Javalin, written by
 * hand as a service without the SDK would: the body parsed with plain Jackson into a record, its required
 * members and enum checked by hand, the answers written with Jackson. No spec, no problem documents
 * (a plain 400 or 415), no request id.
 */
final class BareJavalinReadings implements AutoCloseable {
  private static final Set<String> UNITS = Set.of("kWh", "kW", "V", "A");
  private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /** A reading as Jackson binds it. */
  record Reading(String meterId, OffsetDateTime timestamp, Double value, String unit, String quality) {}

  /** What a stored reading answers. */
  record Receipt(String id, int accepted) {}

  private final Javalin javalin;

  BareJavalinReadings() {
    javalin = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.startup.showOldJavalinVersionWarning = false;
      config.routes.get("/v1/meters/{meterId}/latest-reading", this::latest);
      config.routes.post("/v1/readings", this::submit);
    }).start("127.0.0.1", 0);
  }

  int port() {
    return javalin.port();
  }

  private void latest(Context ctx) throws Exception {
    ctx.contentType("application/json");
    ctx.result(JSON.writeValueAsBytes(ServerReadings.latest(ctx.pathParam("meterId"))));
  }

  private void submit(Context ctx) throws Exception {
    String type = ctx.contentType();
    if (type == null || !type.startsWith("application/json")) {
      ctx.status(415);
      return;
    }
    Reading reading;
    try {
      reading = JSON.readValue(ctx.bodyAsBytes(), Reading.class);
    } catch (java.io.IOException e) {
      ctx.status(400);
      return;
    }
    if (reading == null || reading.meterId() == null || reading.timestamp() == null || reading.value() == null
        || reading.unit() == null || !UNITS.contains(reading.unit())) {
      ctx.status(400);
      return;
    }
    ctx.status(201);
    ctx.contentType("application/json");
    ctx.result(JSON.writeValueAsBytes(new Receipt("r-" + reading.meterId(), 1)));
  }

  @Override
  public void close() {
    javalin.stop();
  }
}
