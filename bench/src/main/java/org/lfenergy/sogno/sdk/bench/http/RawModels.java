package org.lfenergy.sogno.sdk.bench.http;

import java.time.OffsetDateTime;
import java.util.List;

/** The benchmark spec's schemas as a developer would write them by hand for Jackson: records and enums. */
final class RawModels {
  private RawModels() {}

  enum Unit { kWh, kW, V, A }

  enum Quality { measured, estimated, missing }

  record RawReading(String meterId, OffsetDateTime timestamp, double value, Unit unit, Quality quality) {}

  record RawReadingSeries(String meterId, List<RawReading> readings) {}

  record RawReceipt(String id, int accepted) {}
}
