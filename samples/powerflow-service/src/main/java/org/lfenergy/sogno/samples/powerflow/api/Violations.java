package org.lfenergy.sogno.samples.powerflow.api;

import java.util.ArrayList;
import java.util.List;

/** Collects violations while a request is read, split into shape (400) and grid (422) problems. */
final class Violations {
  /** Enough to fix a request; a grid with thousands of bad buses is not listed bus by bus. */
  static final int MAX_REPORTED = 100;

  private final List<Violation> malformed = new ArrayList<>();
  private final List<Violation> invalid = new ArrayList<>();

  void malformed(String pointer, String code, String detail) {
    add(malformed, new Violation(pointer, code, detail));
  }

  void invalid(String pointer, String code, String detail) {
    add(invalid, new Violation(pointer, code, detail));
  }

  private static void add(List<Violation> list, Violation violation) {
    if (list.size() < MAX_REPORTED) {
      list.add(violation);
    }
  }

  boolean anyMalformed() {
    return !malformed.isEmpty();
  }

  /** Throws the 400 if the shape is wrong, else the 422 if the grid is; returns if neither. */
  void throwIfAny() {
    if (!malformed.isEmpty()) {
      throw new InvalidRequestException(400, malformed);
    }
    if (!invalid.isEmpty()) {
      throw new InvalidRequestException(422, invalid);
    }
  }
}
