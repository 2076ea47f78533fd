package org.lfenergy.sogno.sdk.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
