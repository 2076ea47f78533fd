package com.example.grid;

import org.lfenergy.sogno.sdk.core.ApiRequest;
import org.lfenergy.sogno.sdk.core.ApiResponse;
import org.lfenergy.sogno.sdk.core.ResponseReader;
import org.lfenergy.sogno.sdk.core.SognoClient;

/** Asks a SOGNO service whether it is ready: {@code java … com.example.grid.Main https://host/api/powerflow}. */
public final class Main {
  private Main() {
  }

  public static void main(String[] args) {
    SognoClient client = SognoClient.builder().baseUrl(args[0]).build();
    ApiResponse<Void> ready = client.execute(ApiRequest.builder("GET", "/health/ready").build(),
        ResponseReader.discarding());
    System.out.println("ready: " + ready.status() + " (request id " + ready.requestId() + ")");
  }
}
