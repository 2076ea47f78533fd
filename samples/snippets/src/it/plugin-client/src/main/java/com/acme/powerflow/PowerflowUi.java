package com.acme.powerflow;

import com.acme.powerflow.client.api.PowerflowsApi;
import com.acme.powerflow.client.model.PowerflowRequest;
import com.acme.powerflow.client.model.PowerflowResult;
import java.time.Duration;
import org.lfenergy.sogno.sdk.core.SognoClient;

/** The plugin README's "Then:" program: starts a power flow and waits for its result. */
public final class PowerflowUi {
  private PowerflowUi() {
  }

  public static void main(String[] args) {
    String gridId = args[0];
    PowerflowRequest request = new PowerflowRequest();
    // snippet-start:call
    SognoClient http = SognoClient.builder().baseUrl("https://grid.example/api/powerflow").build();
    PowerflowsApi powerflows = new PowerflowsApi(http);
    PowerflowResult result = powerflows.beginRunPowerflow(gridId, request)   // a fresh Idempotency-Key per call
        .waitForCompletion(Duration.ofMinutes(5));
    // snippet-end:call
    System.out.println("converged: " + result.getConverged());
  }
}
