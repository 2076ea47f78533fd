package org.lfenergy.sogno.sdk.bench.http;

import okhttp3.OkHttpClient;
import org.lfenergy.sogno.sdk.bench.generated.sogno.api.ReadingsApi;
import org.lfenergy.sogno.sdk.bench.generated.sogno.model.Reading;
import org.lfenergy.sogno.sdk.bench.generated.sogno.model.ReadingSeries;
import org.lfenergy.sogno.sdk.core.SognoClient;
import org.lfenergy.sogno.sdk.core.internal.SharedHttp;

/**
 * The SDK's client as in {@link SognoClientBenchmark}, on a user-supplied {@code OkHttpClient} whose
 * sockets set {@code TCP_NODELAY} (sdk-core's no-delay socket factory). It measured the fix before sdk-core's shared
 * client got it (commit 3008ebd); now it shows that a user-supplied client needs the same to keep up.
 */
public class SognoClientNoDelayBenchmark extends HttpClientBenchmark {
  @Override
  protected Calls connect(String baseUrl) {
    SognoClient client = SognoClient.builder().baseUrl(baseUrl)
        .httpClient(SharedHttp.newBuilderWithoutNagleDelay(new OkHttpClient()).build())
        .build();
    ReadingsApi api = new ReadingsApi(client);
    Reading reading = client.json().read(Payloads.SMALL, Reading.class);
    ReadingSeries series = client.json().read(Payloads.LARGE, ReadingSeries.class);
    return new Calls(() -> api.getLatestReading(METER_ID), () -> api.getSeries(METER_ID),
        () -> api.submitReading(reading), () -> api.submitSeries(series));
  }
}
