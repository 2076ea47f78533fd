package org.lfenergy.sogno.sdk.buildchecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * What makes jars coexist on the module path: each has its own {@code Automatic-Module-Name} (ours is
 * the module's root package), and no package is in two jars (a split package stops the module system).
 *
 * <p>Thread-safe (stateless).
 */
public final class JarIdentity {
  private static final Pattern MODULE_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");
  private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
      "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
      "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long",
      "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
      "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile",
      "while", "true", "false", "null", "_");

  private JarIdentity() {
  }

  /**
   * What is wrong with the declared module names ({@code artifactId -> Automatic-Module-Name}, empty
   * when none): a missing or invalid name, one that differs from the module's root package, or one two
   * jars share. Empty when all is well.
   */
  public static List<String> moduleNameProblems(List<SdkModule> modules, Map<String, Optional<String>> declared) {
    List<String> problems = new ArrayList<>();
    Map<String, List<String>> owners = new TreeMap<>();
    for (SdkModule module : modules) {
      Optional<String> name = declared.getOrDefault(module.artifactId(), Optional.empty());
      if (name.isEmpty()) {
        problems.add(module.artifactId() + " declares no Automatic-Module-Name (set the module.name property)");
        continue;
      }
      if (!isValidModuleName(name.get())) {
        problems.add(module.artifactId() + ": '" + name.get() + "' is not a valid Java module name");
      } else if (!name.get().equals(module.rootPackage())) {
        problems.add(module.artifactId() + ": Automatic-Module-Name " + name.get() + " is not its root package "
            + module.rootPackage());
      }
      owners.computeIfAbsent(name.get(), key -> new ArrayList<>()).add(module.artifactId());
    }
    owners.forEach((name, artifacts) -> {
      if (artifacts.size() > 1) {
        problems.add("Automatic-Module-Name " + name + " is declared by " + String.join(", ", artifacts));
      }
    });
    return problems;
  }

  /** Each package found in more than one jar ({@code artifactId -> packages}), with the jars; empty when none. */
  public static Map<String, Set<String>> splitPackages(Map<String, Set<String>> packagesByArtifact) {
    Map<String, Set<String>> jarsByPackage = new TreeMap<>();
    packagesByArtifact.forEach((artifact, packages) -> packages.forEach(packageName ->
        jarsByPackage.computeIfAbsent(packageName, key -> new TreeSet<>()).add(artifact)));
    jarsByPackage.values().removeIf(jars -> jars.size() < 2);
    return jarsByPackage;
  }

  static boolean isValidModuleName(String name) {
    return MODULE_NAME.matcher(name).matches() && List.of(name.split("\\.")).stream().noneMatch(KEYWORDS::contains);
  }
}
