package org.lfenergy.sogno.sdk.core;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.lfenergy.sogno.sdk.core.testing.ChildJvm;

/**
 * A program run in a child JVM by {@link OptionalLibrariesTest}: one call to {@code args[0]} with a
 * Micrometer registry configured, then prints the timer's count and whether OpenTelemetry is there.
 */
public final class MeteredClientProgram {
  private MeteredClientProgram() {}

  public static void main(String[] args) {
    ChildJvm.printOptionalLibraries();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (SognoClient client = SognoClient.builder().baseUrl(args[0])
        .observability(ObservabilityConfig.builder().meterRegistry(registry).build()).build()) {
      client.execute(ApiRequest.builder("GET", "/v1/things").build(), ResponseReader.discarding());
    }
    System.out.println("timed calls " + registry.get("sogno.http.client.requests").timer().count());
    System.out.println(ClientProgram.LAST_LINE);
  }
}
