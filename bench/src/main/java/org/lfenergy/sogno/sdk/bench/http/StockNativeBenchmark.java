package org.lfenergy.sogno.sdk.bench.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.lfenergy.sogno.sdk.bench.generated.nativeclient.ApiClient;
import org.lfenergy.sogno.sdk.bench.generated.nativeclient.api.ReadingsApi;
import org.lfenergy.sogno.sdk.bench.generated.nativeclient.model.Reading;
import org.lfenergy.sogno.sdk.bench.generated.nativeclient.model.ReadingSeries;

/**
 * OpenAPI Generator's stock {@code java}/{@code native} client ({@code java.net.http.HttpClient} and
 * Jackson), generated in the bench build from the same spec, with its defaults.
 */
public class StockNativeBenchmark extends HttpClientBenchmark {
  @Override
  protected Calls connect(String baseUrl) throws Exception {
    ApiClient client = new ApiClient();
    client.updateBaseUri(baseUrl);
    ReadingsApi api = new ReadingsApi(client);
    ObjectMapper mapper = client.getObjectMapper();
    Reading reading = mapper.readValue(Payloads.SMALL, Reading.class);
    ReadingSeries series = mapper.readValue(Payloads.LARGE, ReadingSeries.class);
    return new Calls(() -> api.getLatestReading(METER_ID), () -> api.getSeries(METER_ID),
        () -> api.submitReading(reading), () -> api.submitSeries(series));
  }
}
