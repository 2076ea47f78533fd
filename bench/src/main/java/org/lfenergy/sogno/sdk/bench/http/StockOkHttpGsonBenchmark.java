package org.lfenergy.sogno.sdk.bench.http;

import java.nio.charset.StandardCharsets;
import org.lfenergy.sogno.sdk.bench.generated.okhttpgson.ApiClient;
import org.lfenergy.sogno.sdk.bench.generated.okhttpgson.api.ReadingsApi;
import org.lfenergy.sogno.sdk.bench.generated.okhttpgson.model.Reading;
import org.lfenergy.sogno.sdk.bench.generated.okhttpgson.model.ReadingSeries;

/**
 * OpenAPI Generator's stock {@code java}/{@code okhttp-gson} client, generated in the bench build from
 * the same spec, with its defaults (its own {@code OkHttpClient}, Gson with gson-fire). It runs on the
 * SDK's OkHttp 5 rather than the 4.12 its generated POM names, so the transport is the same on both sides.
 */
public class StockOkHttpGsonBenchmark extends HttpClientBenchmark {
  private ApiClient client;

  @Override
  protected Calls connect(String baseUrl) throws Exception {
    client = new ApiClient().setBasePath(baseUrl);
    ReadingsApi api = new ReadingsApi(client);
    Reading reading = Reading.fromJson(new String(Payloads.SMALL, StandardCharsets.UTF_8));
    ReadingSeries series = ReadingSeries.fromJson(new String(Payloads.LARGE, StandardCharsets.UTF_8));
    return new Calls(() -> api.getLatestReading(METER_ID), () -> api.getSeries(METER_ID),
        () -> api.submitReading(reading), () -> api.submitSeries(series));
  }

  @Override
  protected void disconnect() {
    client.getHttpClient().dispatcher().executorService().shutdown();
    client.getHttpClient().connectionPool().evictAll();
  }
}
