package org.lfenergy.sogno.sdk.buildchecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that the Java and Maven snippets of a README are copies of files the build compiles.
 *
 * <p>A snippet names its source in an HTML comment on the line before its fence:
 * {@code <!-- snippet: samples/snippets/src/it/module-coordinates/pom.xml#sdk-core -->}. The path is
 * relative to the repository root; {@code #name} picks a region of the file, delimited by lines that
 * contain {@code snippet-start:name} and {@code snippet-end:name} (in a Java or XML comment); without
 * it, the whole file. Lines with region markers are left out, the region's common indentation is
 * removed, and {@code @property@} tokens (which maven-invoker-plugin replaces in the built copy) are
 * replaced by the build's values, so the README shows what a user types.
 *
 * <p>Every fenced block tagged {@code java} or {@code xml} must name its source: a snippet nobody
 * builds is a snippet that stops building unnoticed.
 */
public final class ReadmeSnippets {
  private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*snippet:\\s*([^#\\s]+)(?:#(\\S+))?\\s*-->\\s*$");
  private static final Pattern FENCE = Pattern.compile("^(\\s*)```(\\w*)\\s*$");
  private static final Pattern REGION_LINE = Pattern.compile("snippet-(start|end):\\S+");
  private static final Pattern TOKEN = Pattern.compile("@([\\w.-]+)@");
  private static final List<String> CHECKED_LANGUAGES = List.of("java", "xml");

  private final Path root;
  private final Map<String, String> tokens;

  /**
   * @param root the repository root that marker paths are relative to
   * @param tokens values of the {@code @name@} tokens in snippet sources
   */
  public ReadmeSnippets(Path root, Map<String, String> tokens) {
    this.root = root;
    this.tokens = Map.copyOf(tokens);
  }

  /**
   * The problems of one README, each naming the README's line: a {@code java}/{@code xml} block without
   * a marker, a marker that names no file or region, a block that differs from its source (with a
   * line diff), or an unknown token. Empty when the README is in order.
   */
  public List<String> problems(Path readme) {
    List<String> lines = read(readme);
    List<String> problems = new ArrayList<>();
    String where = root.relativize(readme.toAbsolutePath().normalize()).toString();
    for (int i = 0; i < lines.size(); i++) {
      Matcher fence = FENCE.matcher(lines.get(i));
      if (!fence.matches()) {
        continue;
      }
      int end = closingFence(lines, i + 1);
      List<String> block = unindent(lines.subList(i + 1, end));
      Matcher marker = i > 0 ? MARKER.matcher(lines.get(i - 1)) : null;
      String at = where + ":" + (i + 1);
      if (marker != null && marker.matches()) {
        compare(at, block, marker.group(1), marker.group(2), problems);
      } else if (CHECKED_LANGUAGES.contains(fence.group(2))) {
        problems.add(at + ": a " + fence.group(2) + " snippet names no source file the build compiles;"
            + " put <!-- snippet: path/to/file#region --> on the line before it");
      }
      i = end;
    }
    return problems;
  }

  /**
   * The README with every marked block replaced by its source, indented like its fence; blocks whose
   * marker names no file or region are left as they are (and stay a {@link #problems} finding).
   */
  public String rewritten(Path readme) {
    List<String> lines = read(readme);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      out.add(lines.get(i));
      Matcher fence = FENCE.matcher(lines.get(i));
      if (!fence.matches()) {
        continue;
      }
      int end = closingFence(lines, i + 1);
      Matcher marker = i > 0 ? MARKER.matcher(lines.get(i - 1)) : null;
      List<String> body = lines.subList(i + 1, Math.min(end + 1, lines.size()));
      if (marker != null && marker.matches()) {
        try {
          String indent = fence.group(1);
          List<String> source = source(marker.group(1), marker.group(2));
          body = new ArrayList<>(source.stream().map(line -> line.isEmpty() ? "" : indent + line).toList());
          body.add(indent + "```");
        } catch (IllegalArgumentException e) {
          // left as it is
        }
      }
      out.addAll(body);
      i = end;
    }
    return String.join("\n", out) + "\n";
  }

  /** The text a marker stands for: the file, or its region, as a README shows it. */
  public List<String> source(String path, String region) {
    Path file = root.resolve(path).normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no file " + path);
    }
    List<String> lines = read(file);
    int from = 0;
    int to = lines.size();
    if (region != null) {
      from = indexOf(lines, "snippet-start:" + region, 0, path) + 1;
      to = indexOf(lines, "snippet-end:" + region, from, path);
    }
    List<String> kept = new ArrayList<>();
    for (String line : lines.subList(from, to)) {
      if (!REGION_LINE.matcher(line).find()) {
        kept.add(replaceTokens(line, path));
      }
    }
    return unindent(kept);
  }

  private void compare(String at, List<String> block, String path, String region, List<String> problems) {
    List<String> source;
    try {
      source = source(path, region);
    } catch (IllegalArgumentException e) {
      problems.add(at + ": " + e.getMessage());
      return;
    }
    if (!source.equals(block)) {
      problems.add(at + ": differs from " + path + (region == null ? "" : "#" + region)
          + " (- source, + README):\n  " + String.join("\n  ", LineDiff.of(source, block)));
    }
  }

  private String replaceTokens(String line, String path) {
    Matcher token = TOKEN.matcher(line);
    StringBuilder replaced = new StringBuilder();
    while (token.find()) {
      String value = tokens.get(token.group(1));
      if (value == null) {
        throw new IllegalArgumentException(path + " uses @" + token.group(1) + "@, which has no value; known: "
            + tokens.keySet());
      }
      token.appendReplacement(replaced, Matcher.quoteReplacement(value));
    }
    return token.appendTail(replaced).toString();
  }

  private static int indexOf(List<String> lines, String marker, int from, String path) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).contains(marker)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no " + marker + " in " + path);
  }

  private static int closingFence(List<String> lines, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (lines.get(i).strip().equals("```")) {
        return i;
      }
    }
    return lines.size();
  }

  private static List<String> unindent(List<String> lines) {
    int indent = lines.stream().filter(line -> !line.isBlank())
        .mapToInt(line -> line.length() - line.stripLeading().length()).min().orElse(0);
    return lines.stream().map(line -> line.isBlank() ? "" : line.substring(indent).stripTrailing()).toList();
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
