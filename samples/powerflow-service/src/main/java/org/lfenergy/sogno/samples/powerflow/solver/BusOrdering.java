package org.lfenergy.sogno.samples.powerflow.solver;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.stream.IntStream;

/**
 * The order in which buses get their unknowns: reverse Cuthill–McKee over the grid's graph. It keeps
 * connected buses close in the Jacobian, so the band the sparse LU fills in stays narrow; without
 * it a grid numbered arbitrarily (PEGASE, CIM exports) fills the factors almost densely. EJML's
 * sparse LU offers no fill-reducing ordering of its own for unsymmetric matrices.
 */
final class BusOrdering {
  private BusOrdering() {}

  static int[] reverseCuthillMcKee(AdmittanceMatrix y) {
    int n = y.size();
    int[] degree = IntStream.range(0, n).map(i -> y.columns[i].length - 1).toArray();
    boolean[] placed = new boolean[n];
    int[] order = new int[n];
    int count = 0;
    Integer[] byDegree = IntStream.range(0, n).boxed()
        .sorted(Comparator.comparingInt(i -> degree[i])).toArray(Integer[]::new);
    for (int start : byDegree) {
      if (placed[start]) {
        continue;
      }
      int root = farthestFrom(farthestFrom(start, y, n), y, n);
      Deque<Integer> queue = new ArrayDeque<>();
      queue.add(root);
      placed[root] = true;
      while (!queue.isEmpty()) {
        int bus = queue.poll();
        order[count++] = bus;
        int[] neighbours = Arrays.stream(y.columns[bus]).filter(k -> !placed[k]).boxed()
            .sorted(Comparator.comparingInt(k -> degree[k])).mapToInt(Integer::intValue).toArray();
        for (int k : neighbours) {
          placed[k] = true;
          queue.add(k);
        }
      }
    }
    for (int i = 0; i < n / 2; i++) {
      int swap = order[i];
      order[i] = order[n - 1 - i];
      order[n - 1 - i] = swap;
    }
    return order;
  }

  /** The last bus a breadth-first search from {@code start} reaches: a pseudo-peripheral bus. */
  private static int farthestFrom(int start, AdmittanceMatrix y, int n) {
    boolean[] seen = new boolean[n];
    Deque<Integer> queue = new ArrayDeque<>();
    queue.add(start);
    seen[start] = true;
    int last = start;
    while (!queue.isEmpty()) {
      last = queue.poll();
      for (int k : y.columns[last]) {
        if (!seen[k]) {
          seen[k] = true;
          queue.add(k);
        }
      }
    }
    return last;
  }
}
