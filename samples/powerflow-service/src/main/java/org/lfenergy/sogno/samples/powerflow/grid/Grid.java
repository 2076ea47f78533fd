package org.lfenergy.sogno.samples.powerflow.grid;

import static org.lfenergy.sogno.samples.powerflow.grid.Checks.requirePositive;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A grid ready for a power flow: its base MVA, buses in a fixed order and branches between them.
 *
 * <p>Immutable and thread-safe. {@link Builder#build()} enforces what the solver relies on and
 * throws {@link IllegalArgumentException} otherwise: a positive finite base MVA, unique bus numbers,
 * exactly one slack bus, and branches that only reference buses of the grid. Connectivity is not
 * checked here: a part of the grid without a path to the slack bus makes the Jacobian singular, which
 * the solver reports as non-convergence. Services validate requests first (see the {@code api}
 * package) so users get every problem with its location instead of the first exception.
 */
public final class Grid {
  private final double baseMva;
  private final List<Bus> buses;
  private final List<Branch> branches;
  private final Map<Integer, Integer> indexByNumber;
  private final int slackIndex;

  private Grid(Builder builder) {
    requirePositive(builder.baseMva, "baseMva");
    this.baseMva = builder.baseMva;
    this.buses = List.copyOf(builder.buses);
    this.branches = List.copyOf(builder.branches);
    this.indexByNumber = new HashMap<>();
    int slack = -1;
    for (int i = 0; i < buses.size(); i++) {
      Bus bus = buses.get(i);
      if (indexByNumber.put(bus.number(), i) != null) {
        throw new IllegalArgumentException("bus number " + bus.number() + " is used twice");
      }
      if (bus.type() == BusType.SLACK) {
        if (slack >= 0) {
          throw new IllegalArgumentException("a grid has exactly one slack bus, found buses "
              + buses.get(slack).number() + " and " + bus.number());
        }
        slack = i;
      }
    }
    if (slack < 0) {
      throw new IllegalArgumentException("a grid needs one slack bus, found none");
    }
    this.slackIndex = slack;
    for (Branch branch : branches) {
      indexOf(branch.fromBus());
      indexOf(branch.toBus());
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public double baseMva() {
    return baseMva;
  }

  /** The buses in the order they were added; solver results use the same order. */
  public List<Bus> buses() {
    return buses;
  }

  /** The branches in the order they were added; solver results use the same order. */
  public List<Branch> branches() {
    return branches;
  }

  /** The position of the bus with this number in {@link #buses()}. */
  public int indexOf(int busNumber) {
    Integer index = indexByNumber.get(busNumber);
    if (index == null) {
      throw new IllegalArgumentException("no bus numbered " + busNumber);
    }
    return index;
  }

  public int slackIndex() {
    return slackIndex;
  }

  /** Collects buses and branches; not thread-safe. */
  public static final class Builder {
    private double baseMva = 100.0;
    private final List<Bus> buses = new ArrayList<>();
    private final List<Branch> branches = new ArrayList<>();

    private Builder() {}

    /** The system base for per-unit values; 100 MVA unless set. */
    public Builder baseMva(double baseMva) {
      this.baseMva = baseMva;
      return this;
    }

    public Builder addBus(Bus bus) {
      buses.add(Objects.requireNonNull(bus, "bus"));
      return this;
    }

    public Builder addBranch(Branch branch) {
      branches.add(Objects.requireNonNull(branch, "branch"));
      return this;
    }

    public Grid build() {
      return new Grid(this);
    }
  }
}
