package org.lfenergy.sogno.sdk.bench.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.lfenergy.sogno.sdk.bench.RawJackson;
import org.lfenergy.sogno.sdk.bench.http.RawModels.RawReading;
import org.lfenergy.sogno.sdk.bench.http.RawModels.RawReadingSeries;
import org.lfenergy.sogno.sdk.bench.http.RawModels.RawReceipt;

/**
 * The baseline of P1: what a developer writes without the SDK — a plain {@link OkHttpClient}, requests
 * built by hand, hand-written records mapped with one shared Jackson {@link ObjectMapper}, bodies
 * streamed into Jackson. No retries, request ids, tracing or problem parsing.
 */
public class RawOkHttpBenchmark extends HttpClientBenchmark {
  private static final MediaType JSON = MediaType.get("application/json");

  private final ObjectMapper mapper = RawJackson.mapper();
  private OkHttpClient http;

  @Override
  protected Calls connect(String url) throws IOException {
    http = new OkHttpClient();
    HttpUrl base = HttpUrl.get(url);
    RawReading reading = mapper.readValue(Payloads.SMALL, RawReading.class);
    RawReadingSeries readingSeries = mapper.readValue(Payloads.LARGE, RawReadingSeries.class);
    // URLs are built per call, as code taking the meter id as an argument would.
    return new Calls(
        () -> get(base.newBuilder().addPathSegments("v1/meters").addPathSegment(METER_ID)
            .addPathSegment("latest-reading").build(), RawReading.class),
        () -> get(base.newBuilder().addPathSegments("v1/meters").addPathSegment(METER_ID)
            .addPathSegment("series").build(), RawReadingSeries.class),
        () -> post(base.newBuilder().addPathSegments("v1/readings").build(), reading),
        () -> post(base.newBuilder().addPathSegments("v1/series").build(), readingSeries));
  }

  @Override
  protected void disconnect() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  /** The headers of every request: here only {@code Accept: application/json}. */
  protected Request.Builder headers(Request.Builder request) {
    return request.header("Accept", "application/json");
  }

  private <T> T get(HttpUrl url, Class<T> type) throws IOException {
    return call(headers(new Request.Builder().url(url)).get().build(), type);
  }

  private RawReceipt post(HttpUrl url, Object body) throws IOException {
    RequestBody json = RequestBody.create(mapper.writeValueAsBytes(body), JSON);
    return call(headers(new Request.Builder().url(url)).post(json).build(), RawReceipt.class);
  }

  private <T> T call(Request request, Class<T> type) throws IOException {
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code() + " from " + request.url());
      }
      return mapper.readValue(response.body().byteStream(), type);
    }
  }
}
