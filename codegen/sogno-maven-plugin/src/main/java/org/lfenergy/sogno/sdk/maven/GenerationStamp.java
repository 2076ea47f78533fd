package org.lfenergy.sogno.sdk.maven;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.lfenergy.sogno.sdk.codegen.SognoGenerator;

/**
 * What the last generation was made from: a SHA-256 over the spec directory's spec files (the spec
 * and any file it references beside it), the settings and the plugin's and generator's jars. Kept next to the
 * output directory, so {@code mvn clean} forgets it.
 */
final class GenerationStamp {
  private final Path file;
  private final String digest;
  private final Path output;

  private GenerationStamp(Path file, String digest, Path output) {
    this.file = file;
    this.digest = digest;
    this.output = output;
  }

  static GenerationStamp of(Path spec, Map<String, String> settings, Path output) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Path source : specFiles(spec)) {
        sha.update(source.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        sha.update(Files.readAllBytes(source));
      }
      sha.update(settings.toString().getBytes(StandardCharsets.UTF_8));
      sha.update(codeVersion(GenerationStamp.class).getBytes(StandardCharsets.UTF_8));
      sha.update(codeVersion(SognoGenerator.class).getBytes(StandardCharsets.UTF_8));
      Path file = output.resolveSibling(output.getFileName() + ".sogno-stamp");
      return new GenerationStamp(file, HexFormat.of().formatHex(sha.digest()), output);
    } catch (IOException | NoSuchAlgorithmException e) {
      // Unreadable inputs: never current, and generation reports the real problem.
      return new GenerationStamp(output.resolveSibling(output.getFileName() + ".sogno-stamp"), "", output);
    }
  }

  boolean isCurrent() throws IOException {
    return !digest.isEmpty() && Files.isDirectory(output) && Files.isRegularFile(file)
        && Files.readString(file).equals(digest);
  }

  void write() throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, digest);
  }

  /** The jar's version and time stamp, so a rebuilt SNAPSHOT generator also counts as a change. */
  private static String codeVersion(Class<?> type) {
    String version = String.valueOf(type.getPackage().getImplementationVersion());
    try {
      Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
      return version + "@" + Files.getLastModifiedTime(jar).toMillis();
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return version;
    }
  }

  private static List<Path> specFiles(Path spec) throws IOException {
    Path directory = spec.toAbsolutePath().getParent();
    try (Stream<Path> files = Files.list(directory)) {
      return files
          .filter(f -> f.toString().matches(".*\\.(ya?ml|json)$") && Files.isRegularFile(f))
          .sorted()
          .collect(Collectors.toList());
    }
  }
}
