package org.lfenergy.sogno.samples.powerflow.grid;

/** Argument checks shared by the grid's value types. */
final class Checks {
  private Checks() {}

  static void requireFinite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number, got " + value);
    }
  }

  static void requirePositive(double value, String name) {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a positive finite number, got " + value);
    }
  }
}
