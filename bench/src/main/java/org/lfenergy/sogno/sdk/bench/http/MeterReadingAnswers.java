package org.lfenergy.sogno.sdk.bench.http;

import java.nio.charset.StandardCharsets;

/** What every {@link MeterReadingServer} answers: the same bytes for the same request, whichever server. */
final class MeterReadingAnswers {
  /** One answer: status, {@code Content-Type}, body. */
  record Answer(int status, String contentType, byte[] body) {}

  private static final String JSON = "application/json";
  private static final Answer READING = new Answer(200, JSON, Payloads.SMALL);
  private static final Answer SERIES = new Answer(200, JSON, Payloads.LARGE);
  private static final Answer RECEIPT = new Answer(201, JSON, Payloads.RECEIPT);

  private MeterReadingAnswers() {}

  /** The answer to {@code method} on {@code path} (the raw path, server prefix included). */
  static Answer answer(String method, String path) {
    if ("GET".equals(method) && path.endsWith("/latest-reading")) {
      return READING;
    }
    if ("GET".equals(method) && path.endsWith("/series")) {
      return SERIES;
    }
    if ("POST".equals(method) && (path.endsWith("/v1/readings") || path.endsWith("/v1/series"))) {
      return RECEIPT;
    }
    String problem = "{\"status\":404,\"title\":\"Not Found\",\"detail\":\"" + method + " " + path + "\"}";
    return new Answer(404, "application/problem+json", problem.getBytes(StandardCharsets.UTF_8));
  }
}
