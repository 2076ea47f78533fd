package org.lfenergy.sogno.sdk.maven;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Where the previous version of a spec comes from, as {@code sogno:compat} is told: a file, a git
 * revision ({@code git:<ref>}, the spec's own path at that revision), or Maven coordinates of a
 * released artifact that holds the spec ({@code groupId:artifactId:version[:type[:classifier]]}).
 */
final class PreviousSpec {
  private static final Pattern COORDINATES = Pattern.compile("[^:/\\\\\\s]+(:[^:/\\\\\\s]+){2,4}");
  private static final Pattern GIT_REF = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/@{}^~-]*");
  private static final long GIT_TIMEOUT_SECONDS = 60;

  /** Resolves Maven coordinates to the artifact's file in the local repository. */
  interface ArtifactResolver {
    Path resolve(String coordinates) throws MojoFailureException;
  }

  private PreviousSpec() {}

  /** Whether {@code previous} names Maven coordinates rather than a file or a git revision. */
  static boolean isCoordinates(String previous, Path baseDirectory) {
    return !previous.startsWith("git:") && COORDINATES.matcher(previous).matches()
        && !Files.exists(baseDirectory.resolve(previous));
  }

  /**
   * The previous spec as a file: {@code previous} itself, or a copy written below {@code workDirectory}.
   *
   * @param pathInArtifact the spec's path inside an artifact (only for coordinates)
   */
  static Path locate(String previous, Path spec, Path baseDirectory, Path workDirectory, String pathInArtifact,
      ArtifactResolver artifacts) throws MojoFailureException {
    String value = previous.trim();
    if (value.startsWith("git:")) {
      return write(workDirectory, spec, fromGit(value.substring(4), spec));
    }
    if (isCoordinates(value, baseDirectory)) {
      Path artifact = artifacts.resolve(value);
      return write(workDirectory, spec, fromArchive(artifact, pathInArtifact == null ? spec.getFileName().toString()
          : pathInArtifact, value));
    }
    Path file = baseDirectory.resolve(value);
    if (!Files.isRegularFile(file)) {
      throw new MojoFailureException("sogno.previous '" + previous + "' is neither a file, nor git:<ref>, nor"
          + " groupId:artifactId:version[:type[:classifier]] coordinates");
    }
    return file;
  }

  private static byte[] fromGit(String ref, Path spec) throws MojoFailureException {
    if (!GIT_REF.matcher(ref).matches() || ref.contains("..")) {
      throw new MojoFailureException("sogno.previous git:" + ref + " is not a git revision name");
    }
    Path absolute = spec.toAbsolutePath();
    List<String> command = List.of("git", "-C", absolute.getParent().toString(), "show",
        ref + ":./" + absolute.getFileName());
    try {
      Process git = new ProcessBuilder(command).redirectErrorStream(false).start();
      git.getOutputStream().close();
      byte[] content;
      byte[] errors;
      try (InputStream out = git.getInputStream(); InputStream err = git.getErrorStream()) {
        content = out.readAllBytes();
        errors = err.readAllBytes();
      }
      if (!git.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        git.destroyForcibly();
        throw new MojoFailureException("git show " + ref + " did not finish within " + GIT_TIMEOUT_SECONDS + " s");
      }
      if (git.exitValue() != 0) {
        throw new MojoFailureException("Cannot read " + spec.getFileName() + " at git revision " + ref + ": "
            + new String(errors, StandardCharsets.UTF_8).strip());
      }
      return content;
    } catch (IOException e) {
      throw new MojoFailureException("Cannot run git to read the previous spec: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoFailureException("Interrupted while reading the previous spec from git", e);
    }
  }

  private static byte[] fromArchive(Path archive, String entryName, String coordinates) throws MojoFailureException {
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      ZipEntry entry = zip.getEntry(entryName.startsWith("/") ? entryName.substring(1) : entryName);
      if (entry == null || entry.isDirectory()) {
        throw new MojoFailureException(coordinates + " has no " + entryName + " (set sogno.previousPath to the"
            + " spec's path inside the artifact)");
      }
      try (InputStream in = zip.getInputStream(entry)) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        in.transferTo(out);
        return out.toByteArray();
      }
    } catch (IOException e) {
      throw new MojoFailureException("Cannot read " + archive + " (" + coordinates + "): " + e.getMessage(), e);
    }
  }

  private static Path write(Path workDirectory, Path spec, byte[] content) throws MojoFailureException {
    try {
      Files.createDirectories(workDirectory);
      return Files.write(workDirectory.resolve("previous-" + spec.getFileName()), content);
    } catch (IOException e) {
      throw new MojoFailureException("Cannot write the previous spec below " + workDirectory + ": " + e.getMessage(), e);
    }
  }
}
