package org.lfenergy.sogno.samples.powerflow.api;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lfenergy.sogno.samples.powerflow.grid.Branch;
import org.lfenergy.sogno.samples.powerflow.grid.Bus;
import org.lfenergy.sogno.samples.powerflow.grid.BusType;

/**
 * The checks on the grid as a whole (422): one slack bus, unique bus numbers, branches between
 * existing buses, every bus connected to the slack bus.
 */
final class GridRules {
  private GridRules() {}

  static void check(List<Bus> buses, List<Branch> branches, Violations violations) {
    String busesPointer = "#/grid/buses";
    String branchesPointer = "#/grid/branches";
    Map<Integer, Integer> indexByNumber = new HashMap<>();
    int slack = -1;
    for (int i = 0; i < buses.size(); i++) {
      Bus bus = buses.get(i);
      Integer first = indexByNumber.putIfAbsent(bus.number(), i);
      if (first != null) {
        violations.invalid(busesPointer + "/" + i + "/number", "duplicate-bus-number",
            "bus number " + bus.number() + " is already used by " + busesPointer + "/" + first);
      }
      if (bus.type() == BusType.SLACK) {
        if (slack < 0) {
          slack = i;
        } else {
          violations.invalid(busesPointer + "/" + i + "/type", "multiple-slack-buses",
              "bus " + bus.number() + " is a second slack bus; bus " + buses.get(slack).number()
                  + " already is the slack (distributed slack is not supported)");
        }
      }
    }
    if (slack < 0) {
      violations.invalid(busesPointer, "no-slack-bus",
          "needs exactly one bus of type slack to balance the grid, found none");
    }
    List<List<Integer>> neighbours = new ArrayList<>(buses.size());
    buses.forEach(bus -> neighbours.add(new ArrayList<>()));
    for (int k = 0; k < branches.size(); k++) {
      Branch branch = branches.get(k);
      Integer from = known(indexByNumber, branch.fromBus(), branchesPointer + "/" + k + "/fromBus",
          violations);
      Integer to = known(indexByNumber, branch.toBus(), branchesPointer + "/" + k + "/toBus",
          violations);
      if (from != null && to != null) {
        neighbours.get(from).add(to);
        neighbours.get(to).add(from);
      }
    }
    if (slack >= 0) {
      checkConnected(buses, indexByNumber, neighbours, slack, busesPointer, violations);
    }
  }

  private static Integer known(
      Map<Integer, Integer> indexByNumber, int number, String pointer, Violations violations) {
    Integer index = indexByNumber.get(number);
    if (index == null) {
      violations.invalid(pointer, "unknown-bus", "no bus has number " + number);
    }
    return index;
  }

  /** Reports unreachable buses, except those already reported as duplicates. */
  private static void checkConnected(List<Bus> buses, Map<Integer, Integer> indexByNumber,
      List<List<Integer>> neighbours, int slack, String busesPointer, Violations violations) {
    boolean[] reached = new boolean[buses.size()];
    Deque<Integer> pending = new ArrayDeque<>();
    reached[slack] = true;
    pending.push(slack);
    while (!pending.isEmpty()) {
      for (int next : neighbours.get(pending.pop())) {
        if (!reached[next]) {
          reached[next] = true;
          pending.push(next);
        }
      }
    }
    for (int i = 0; i < buses.size(); i++) {
      if (!reached[i] && indexByNumber.get(buses.get(i).number()) == i) {
        violations.invalid(busesPointer + "/" + i, "not-connected", "bus " + buses.get(i).number()
            + " has no path to the slack bus " + buses.get(slack).number() + " over the branches");
      }
    }
  }
}
