package org.lfenergy.sogno.sdk.buildchecks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a module's compiled classes are on the class path: its jar (reactor {@code package} and later,
 * or the local repository) or its {@code target/classes} folder (reactor {@code test}), and the
 * {@code Automatic-Module-Name} it declares.
 *
 * <p>Immutable and thread-safe.
 *
 * @param module the module
 * @param path the jar or classes folder
 */
public record ModuleJar(SdkModule module, Path path) {
  private static final Pattern MODULE_NAME = Pattern.compile("<module\\.name>([^<]+)</module\\.name>");

  /** @throws IllegalArgumentException when a value is missing */
  public ModuleJar {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(path, "path");
  }

  /**
   * Finds {@code module} among the entries of {@code classPath} ({@code java.class.path} form).
   *
   * @throws IllegalStateException naming the fix when the module is not on the class path
   */
  public static ModuleJar locate(SdkModule module, String classPath) {
    Pattern jar = Pattern.compile(Pattern.quote(module.artifactId()) + "-\\d[^/\\\\]*\\.jar");
    Path classesDir = Path.of(module.directory(), "target", "classes");
    for (String entry : classPath.split(Pattern.quote(File.pathSeparator))) {
      Path path = Path.of(entry);
      Path name = path.getFileName();
      if (name != null && jar.matcher(name.toString()).matches() || path.endsWith(classesDir)) {
        return new ModuleJar(module, path);
      }
    }
    throw new IllegalStateException(module.artifactId() + " is not on the build checks' class path: add it as a"
        + " test-scoped dependency to build-checks/pom.xml");
  }

  /** Every published module, located on this JVM's class path. */
  public static List<ModuleJar> locateAll(List<SdkModule> modules) {
    String classPath = System.getProperty("java.class.path");
    return modules.stream().map(module -> locate(module, classPath)).toList();
  }

  /**
   * The {@code Automatic-Module-Name} this module's jar declares; for a classes folder (no manifest
   * yet) the {@code module.name} property of {@code <repositoryRoot>/<directory>/pom.xml}, which the
   * jar plugin writes into the manifest.
   */
  public Optional<String> automaticModuleName(Path repositoryRoot) {
    try {
      if (Files.isDirectory(path)) {
        Matcher matcher = MODULE_NAME.matcher(Files.readString(
            repositoryRoot.resolve(module.directory()).resolve("pom.xml")));
        return matcher.find() ? Optional.of(matcher.group(1).trim()) : Optional.empty();
      }
      try (JarFile jarFile = new JarFile(path.toFile())) {
        return Optional.ofNullable(jarFile.getManifest())
            .map(manifest -> manifest.getMainAttributes().getValue("Automatic-Module-Name"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the module name of " + path, e);
    }
  }
}
