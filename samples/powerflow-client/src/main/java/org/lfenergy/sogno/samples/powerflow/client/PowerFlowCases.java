package org.lfenergy.sogno.samples.powerflow.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lfenergy.sogno.samples.powerflow.client.generated.model.PowerFlowRequest;
import org.lfenergy.sogno.sdk.core.SognoJson;

/**
 * Reads power-flow requests (the service's {@code PowerFlowRequest} JSON, e.g. its
 * {@code examples/ieee14.json}). Stateless.
 */
public final class PowerFlowCases {
  private static final SognoJson JSON = SognoJson.defaults();

  private PowerFlowCases() {
  }

  /**
   * The request in {@code file}.
   *
   * @throws UncheckedIOException if the file cannot be read
   * @throws org.lfenergy.sogno.sdk.core.JsonException if it is not a request
   */
  public static PowerFlowRequest read(Path file) {
    try {
      return JSON.read(Files.readAllBytes(file), PowerFlowRequest.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  /** The request in {@code json}; closes it. */
  public static PowerFlowRequest read(InputStream json) {
    try (json) {
      return JSON.read(json.readAllBytes(), PowerFlowRequest.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the request", e);
    }
  }
}
