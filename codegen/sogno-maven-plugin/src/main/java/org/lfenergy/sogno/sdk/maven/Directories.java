package org.lfenergy.sogno.sdk.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/** File checks and helpers of the goals. */
final class Directories {
  private Directories() {}

  /** @throws MojoFailureException naming {@code spec} when it is not a file */
  static void requireSpec(File spec) throws MojoFailureException {
    if (!spec.isFile()) {
      throw new MojoFailureException("No spec file at " + spec + " (set <spec> to the service's OpenAPI file)");
    }
  }

  /**
   * The report file of a goal. Without a POM, Maven's stub project leaves {@code ${project.basedir}}
   * in its build directory uninterpolated; the report then goes to
   * {@code target/<tool>/<spec name>.sarif} below the folder Maven was started in.
   */
  static File reportFile(File report, File executionRoot, File spec, String tool) {
    if (!report.getPath().contains("${") || executionRoot == null) {
      return report;
    }
    String name = spec.getName().replaceFirst("\\.[^.]*$", "");
    return new File(executionRoot, "target/" + tool + "/" + name + ".sarif");
  }

  /**
   * Checks that {@code output} lies strictly inside {@code buildDirectory}, after normalising both
   * ({@code ..} segments) and resolving the symbolic links of the parts that exist, so that emptying
   * it can never touch sources or the build directory itself.
   *
   * @return the checked output directory, absolute, normalised, with existing links resolved
   * @throws MojoExecutionException naming both directories when {@code output} is the build directory
   *     or lies outside it
   */
  static Path requireInsideBuildDirectory(Path output, Path buildDirectory) throws MojoExecutionException {
    Path build;
    Path real;
    try {
      build = realPath(buildDirectory);
      real = realPath(output);
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot check the output directory " + output + ": " + e.getMessage(), e);
    }
    if (real.equals(build) || !real.startsWith(build)) {
      throw new MojoExecutionException("The output directory " + output + " (" + real + ") is not strictly inside"
          + " the build directory " + build + ": sogno:generate empties it before each generation, so it must be"
          + " a directory of its own under ${project.build.directory}");
    }
    return real;
  }

  /** The absolute, normalised path with the symbolic links of its longest existing prefix resolved. */
  private static Path realPath(Path path) throws IOException {
    Path absolute = path.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
  }

  /** Deletes {@code directory} and everything in it; nothing happens when it does not exist. */
  static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(directory)) {
      paths = walk.sorted(Comparator.reverseOrder()).collect(Collectors.toList());
    }
    for (Path path : paths) {
      Files.delete(path);
    }
  }
}
