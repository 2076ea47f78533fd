package org.lfenergy.sogno.sdk.bench;

import java.util.List;

/** The median every report of this module gives of its rounds. */
public final class Medians {
  private Medians() {}

  /** The middle value, or the mean of the two middle values of an even count. */
  public static double of(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
