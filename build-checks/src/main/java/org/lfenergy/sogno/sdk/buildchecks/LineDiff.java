package org.lfenergy.sogno.sdk.buildchecks;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two API listings: removed lines as {@code "- "}, added lines as {@code "+ "}, each
 * change under the type line it belongs to (listing lines that do not start with a space). Longest
 * common subsequence, fine for listings of a few thousand lines.
 *
 * <p>Thread-safe (stateless).
 */
public final class LineDiff {
  private LineDiff() {
  }

  /** The changes from {@code expected} to {@code actual}; empty when they are equal. */
  public static List<String> of(List<String> expected, List<String> actual) {
    int[][] common = new int[expected.size() + 1][actual.size() + 1];
    for (int i = expected.size() - 1; i >= 0; i--) {
      for (int j = actual.size() - 1; j >= 0; j--) {
        common[i][j] = expected.get(i).equals(actual.get(j)) ? common[i + 1][j + 1] + 1
            : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<String> diff = new ArrayList<>();
    String type = null;
    String shownType = null;
    int i = 0;
    int j = 0;
    while (i < expected.size() || j < actual.size()) {
      String change;
      if (i < expected.size() && j < actual.size() && expected.get(i).equals(actual.get(j))) {
        type = isTypeLine(expected.get(i)) ? expected.get(i) : type;
        i++;
        j++;
        continue;
      } else if (i < expected.size() && (j == actual.size() || common[i + 1][j] >= common[i][j + 1])) {
        change = "- " + expected.get(i++);
      } else {
        change = "+ " + actual.get(j++);
      }
      String line = change.substring(2);
      if (isTypeLine(line)) {
        type = line;
        shownType = line;
      } else if (type != null && !type.equals(shownType) && !line.isEmpty()) {
        diff.add("  " + type);
        shownType = type;
      }
      if (!line.isEmpty()) {
        diff.add(change);
      }
    }
    return diff;
  }

  private static boolean isTypeLine(String line) {
    return !line.isEmpty() && !line.startsWith(" ");
  }
}
