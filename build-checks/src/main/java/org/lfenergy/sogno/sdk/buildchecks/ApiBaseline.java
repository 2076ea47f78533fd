package org.lfenergy.sogno.sdk.buildchecks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The checked-in public API listing of one module ({@code build-checks/api/<artifactId>.api}) and its
 * comparison with the listing of the compiled classes. An API change fails the build with a diff
 * until the listing is rewritten with {@link #UPDATE_COMMAND} and committed with the change.
 *
 * <p>japicmp against the last release would also catch binary incompatibilities, but no release
 * exists yet; these listings record the API so that changes to it are deliberate and reviewed.
 *
 * <p>Immutable and thread-safe; {@link #update} writes the file.
 *
 * @param file the listing file
 */
public record ApiBaseline(Path file) {
  /** The one command that rewrites every listing from the current sources. */
  public static final String UPDATE_COMMAND = "mvn -B -ntp -pl build-checks -am verify -Dinvoker.skip"
      + " -Dtest=SdkApiListingsTest -Dsurefire.failIfNoSpecifiedTests=false -Dsogno.api.update=true";

  /** The listing of {@code artifactId} in {@code directory}. */
  public static ApiBaseline of(Path directory, String artifactId) {
    return new ApiBaseline(directory.resolve(artifactId + ".api"));
  }

  /**
   * What differs between the checked-in listing and {@code actual}, ready to show; empty when equal.
   *
   * @throws UncheckedIOException when the file exists but cannot be read
   */
  public Optional<String> mismatch(String actual) {
    if (!Files.exists(file)) {
      return Optional.of("There is no API listing " + file + " yet. Write it with:\n  " + UPDATE_COMMAND + "\n");
    }
    String expected = read();
    if (expected.equals(actual)) {
      return Optional.empty();
    }
    List<String> diff = LineDiff.of(expected.lines().toList(), actual.lines().toList());
    return Optional.of("The public API differs from " + file + " (- listed, + compiled):\n"
        + String.join("\n", diff) + "\nIf the change is deliberate, rewrite the listings and commit them with it:\n  "
        + UPDATE_COMMAND + "\n");
  }

  /**
   * Writes {@code actual} when it differs.
   *
   * @return whether the file changed
   * @throws UncheckedIOException when the file cannot be written
   */
  public boolean update(String actual) {
    if (Files.exists(file) && read().equals(actual)) {
      return false;
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, actual);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  private String read() {
    try {
      return Files.readString(file).replace("\r\n", "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
