package org.lfenergy.sogno.sdk.bench.server;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.lfenergy.sogno.sdk.bench.generated.sogno.model.Reading;
import org.lfenergy.sogno.sdk.bench.generated.sogno.model.ReadingSeries;
import org.lfenergy.sogno.sdk.bench.generated.sogno.model.Receipt;
import org.lfenergy.sogno.sdk.bench.generated.sogno.server.ReadingsHandler;
import org.lfenergy.sogno.sdk.server.ServerConfig;
import org.lfenergy.sogno.sdk.server.SognoServer;
import org.lfenergy.sogno.sdk.server.javalin.JavalinServer;

/**
 * The benchmark spec's operations implemented on the interface {@code sogno:generate} writes for the
 * server side, served by sdk-server on Javalin as a service would be: validation against the spec, problems,
 * request ids, response validation off (the production default).
 */
final class ServerReadings implements ReadingsHandler {
  private static final OffsetDateTime AT = OffsetDateTime.of(2026, 3, 1, 10, 15, 0, 0, ZoneOffset.UTC);

  /** The reading both servers answer for {@code meterId}: the same object graph, written by Jackson. */
  static BareJavalinReadings.Reading latest(String meterId) {
    return new BareJavalinReadings.Reading(meterId, AT, 1234.5, "kWh", "measured");
  }

  static JavalinServer start() {
    return JavalinServer.start(runtime());
  }

  /** The runtime serving these operations on a loopback port chosen at start, not yet started. */
  static SognoServer runtime() {
    SognoServer.Builder builder = SognoServer.builder()
        .specResource("meter-readings.yaml")
        .config(ServerConfig.builder().host("127.0.0.1").port(0).build());
    ReadingsHandler.register(builder, new ServerReadings());
    return builder.build();
  }

  @Override
  public GetLatestReadingResponse getLatestReading(GetLatestReadingRequest request) {
    BareJavalinReadings.Reading reading = latest(request.meterId());
    return GetLatestReadingResponse.ok(new Reading().meterId(reading.meterId()).timestamp(reading.timestamp())
        .value(reading.value()).unit(Reading.UnitEnum.K_WH).quality(Reading.QualityEnum.MEASURED));
  }

  @Override
  public SubmitReadingResponse submitReading(SubmitReadingRequest request) {
    return SubmitReadingResponse.created(new Receipt().id("r-" + request.body().getMeterId()).accepted(1));
  }

  @Override
  public GetSeriesResponse getSeries(GetSeriesRequest request) {
    return GetSeriesResponse.ok(new ReadingSeries().meterId(request.meterId()).readings(List.of()));
  }

  @Override
  public SubmitSeriesResponse submitSeries(SubmitSeriesRequest request) {
    return SubmitSeriesResponse.created(new Receipt().id("s-" + request.body().getMeterId())
        .accepted(request.body().getReadings().size()));
  }
}
