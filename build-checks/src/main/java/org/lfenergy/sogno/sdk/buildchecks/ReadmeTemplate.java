package org.lfenergy.sogno.sdk.buildchecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The module README template of {@code docs/conventions.md}: a paragraph saying what the module is
 * for before the first heading, then the sections {@link #SECTIONS} as the first second-level
 * headings, in that order. Optional sections (Tests, Performance, …) follow them.
 */
public final class ReadmeTemplate {
  /** The sections every module README starts with, in order. */
  public static final List<String> SECTIONS =
      List.of("Maven coordinates", "Use", "Configuration", "Guarantees", "Failure behaviour");
  /** Plan labels that belong in docs/benchmarks.md, not in user docs: P1…P9, issue numbers. */
  private static final Pattern PLAN_LABEL = Pattern.compile("\\(P\\d\\b|\\bP\\d( / P\\d)?\\)|(^|\\s)#\\d+\\b");

  private ReadmeTemplate() {
  }

  /** What is missing or out of order in {@code readme}; empty when it follows the template. */
  public static List<String> problems(Path readme) {
    List<String> lines;
    try {
      lines = Files.readAllLines(readme);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> problems = new ArrayList<>();
    List<String> headings = new ArrayList<>();
    boolean intro = false;
    boolean inFence = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.strip().startsWith("```")) {
        inFence = !inFence;
      } else if (!inFence && line.startsWith("## ")) {
        headings.add(line.substring(3).strip());
      } else if (!inFence && headings.isEmpty() && !line.isBlank() && !line.startsWith("#")) {
        intro = true;
      }
      if (!inFence && PLAN_LABEL.matcher(line).find()) {
        problems.add(readme.getFileName() + ":" + (i + 1) + ": internal plan label in user docs: " + line.strip());
      }
    }
    if (!intro) {
      problems.add("no paragraph saying what the module is for before the first section");
    }
    List<String> first = headings.subList(0, Math.min(SECTIONS.size(), headings.size()));
    if (!first.equals(SECTIONS)) {
      problems.add("sections must start with " + SECTIONS + ", found " + headings);
    }
    return problems;
  }
}
