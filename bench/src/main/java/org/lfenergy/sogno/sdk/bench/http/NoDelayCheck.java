package org.lfenergy.sogno.sdk.bench.http;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import okhttp3.OkHttpClient;
import org.lfenergy.sogno.sdk.bench.generated.nativeclient.ApiClient;
import org.lfenergy.sogno.sdk.bench.generated.sogno.api.ReadingsApi;
import org.lfenergy.sogno.sdk.bench.generated.sogno.model.ReadingSeries;
import org.lfenergy.sogno.sdk.core.SognoClient;
import org.lfenergy.sogno.sdk.core.internal.SharedHttp;
import org.lfenergy.sogno.sdk.core.SognoJson;

/**
 * Before and after of the fix P2's large POST points at: the SDK client as it is, the same client on
 * an {@code OkHttpClient} whose sockets have {@code TCP_NODELAY} (sdk-core's no-delay socket factory, passed through
 * the public {@code SognoClient.Builder.httpClient}), and the stock native client — interleaved call by
 * call in one JVM, so all three see the same load. Prints the median latency per round.
 *
 * <p>Run: {@code java -cp <bench class path> org.lfenergy.sogno.sdk.bench.http.NoDelayCheck [calls per round, default 300]}.
 */
public final class NoDelayCheck {
  private NoDelayCheck() {}

  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 300;
    try (MeterReadingServer server = MeterReadingServer.start()) {
      ReadingSeries series = SognoJson.defaults().read(Payloads.LARGE, ReadingSeries.class);
      ReadingsApi asIs = new ReadingsApi(SognoClient.builder().baseUrl(server.baseUrl()).build());
      ReadingsApi noDelay = new ReadingsApi(SognoClient.builder().baseUrl(server.baseUrl())
          .httpClient(SharedHttp.newBuilderWithoutNagleDelay(new OkHttpClient()).build()).build());
      ApiClient stock = new ApiClient();
      stock.updateBaseUri(server.baseUrl());
      var stockApi = new org.lfenergy.sogno.sdk.bench.generated.nativeclient.api.ReadingsApi(stock);
      var stockSeries = stock.getObjectMapper().readValue(Payloads.LARGE,
          org.lfenergy.sogno.sdk.bench.generated.nativeclient.model.ReadingSeries.class);
      List<String> names = List.of("SDK as is", "SDK + TCP_NODELAY", "stock native");
      List<Callable<?>> clients = List.of(() -> asIs.submitSeries(series), () -> noDelay.submitSeries(series),
          () -> stockApi.submitSeries(stockSeries));
      for (int round = 1; round <= 5; round++) {
        long[][] nanos = new long[clients.size()][calls];
        for (int i = 0; i < calls; i++) {
          for (int c = 0; c < clients.size(); c++) {
            long start = System.nanoTime();
            clients.get(c).call();
            nanos[c][i] = System.nanoTime() - start;
          }
        }
        StringBuilder line = new StringBuilder("POST 100 KB, round " + round + ", median:");
        for (int c = 0; c < clients.size(); c++) {
          Arrays.sort(nanos[c]);
          line.append(String.format(Locale.ROOT, "  %s %,d µs", names.get(c), nanos[c][calls / 2] / 1_000));
        }
        System.out.println(line);
      }
    }
  }
}
