package org.lfenergy.sogno.sdk.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lfenergy.sogno.sdk.lint.testing.MetersSpec.V1;
import static org.lfenergy.sogno.sdk.lint.testing.MetersSpec.WITHOUT_DELETE;
import static org.lfenergy.sogno.sdk.maven.MojoFixture.with;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.maven.plugin.MojoFailureException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sogno:compat against a previous spec given as a file, a git revision, and an artifact's entry. */
class CompatMojoTest {
  @TempDir Path dir;
  private final MojoFixture.RecordingLog log = new MojoFixture.RecordingLog();

  @Test
  void anOperationRemovedWithin1xFailsTheBuildNamingItAtItsLineInThePreviousSpec() throws IOException {
    Path previous = Files.writeString(dir.resolve("meters-1.0.0.yaml"), V1);
    Path spec = Files.writeString(dir.resolve("meters.yaml"), WITHOUT_DELETE.replace("1.0.0", "1.1.0"));

    assertCompatFails(spec, previous.toString())
        .hasMessageContaining("1 breaking change(s) (SOGNO-801)");
    assertThat(log.lines).contains("[ERROR] SOGNO-801 MUST " + previous + ":9 Operation DELETE /v1/meters was removed;"
        + " within major version 1 only compatible changes are allowed");
  }

  @Test
  void theSameRemovalWithANewMajorVersionIsListedAndPasses() throws Exception {
    Path previous = Files.writeString(dir.resolve("meters-1.0.0.yaml"), V1);
    Path spec = Files.writeString(dir.resolve("meters.yaml"), WITHOUT_DELETE.replace("1.0.0", "2.0.0"));

    compat(spec, previous.toString()).execute();

    assertThat(log.lines).anyMatch(line -> line.startsWith("[WARNING] SOGNO-801 MAY") && line.contains("allowed: major version 1 -> 2"));
  }

  @Test
  void thePreviousVersionIsReadFromAGitRevisionOfTheSpecsOwnPath() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo/api"));
    Path spec = Files.writeString(repo.resolve("meters.yaml"), V1);
    commitEverything(dir.resolve("repo"));
    git(dir.resolve("repo"), "tag", "v1.0.0");
    Files.writeString(spec, WITHOUT_DELETE);

    assertCompatFails(spec, "git:v1.0.0");
    assertThat(log.lines).anyMatch(line -> line.startsWith("[ERROR] SOGNO-801 MUST ")
        && line.contains("previous-meters.yaml:9 Operation DELETE /v1/meters was removed"));
  }

  @Test
  void aGitRevisionThatLacksTheSpecIsAClearFailure() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.writeString(repo.resolve("other.txt"), "x");
    commitEverything(repo);
    Path spec = Files.writeString(repo.resolve("meters.yaml"), V1);

    assertCompatFails(spec, "git:HEAD")
        .hasMessageStartingWith("Cannot read meters.yaml at git revision HEAD: ");
  }

  @Test
  void aRevisionNameThatIsNoRevisionIsRefusedBeforeGitRuns() throws IOException {
    Path spec = Files.writeString(dir.resolve("meters.yaml"), V1);

    assertCompatFails(spec, "git:--output=/tmp/x")
        .hasMessage("sogno.previous git:--output=/tmp/x is not a git revision name");
  }

  @Test
  void thePreviousVersionIsReadFromTheReleasedArtifactOfTheService() throws Exception {
    Path jar = dir.resolve("meters-service-1.0.0.jar");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
      zip.putNextEntry(new ZipEntry("openapi/meters.yaml"));
      zip.write(V1.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    Path spec = Files.writeString(dir.resolve("meters.yaml"), WITHOUT_DELETE);

    Path previous = PreviousSpec.locate("org.example:meters-service:1.0.0", spec, dir, dir.resolve("work"),
        "openapi/meters.yaml", coordinates -> {
          assertThat(coordinates).isEqualTo("org.example:meters-service:1.0.0");
          return jar;
        });

    assertThat(previous).hasContent(V1);
    assertThatThrownBy(() -> PreviousSpec.locate("org.example:meters-service:1.0.0", spec, dir, dir.resolve("work"),
        "missing.yaml", coordinates -> jar))
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("has no missing.yaml");
  }

  @Test
  void somethingThatIsNoFileNorRevisionNorCoordinatesIsAClearFailure() throws IOException {
    Path spec = Files.writeString(dir.resolve("meters.yaml"), V1);

    assertCompatFails(spec, "no-such-file.yaml")
        .hasMessageContaining("is neither a file, nor git:<ref>, nor groupId:artifactId:version");
  }

  /** Asserts that sogno:compat of {@code spec} against {@code previous} fails the build, for more on why. */
  private AbstractThrowableAssert<?, ? extends Throwable> assertCompatFails(Path spec, String previous) {
    return assertThatThrownBy(compat(spec, previous)::execute).isInstanceOf(MojoFailureException.class);
  }

  private CompatMojo compat(Path spec, String previous) {
    CompatMojo mojo = new CompatMojo();
    mojo.setLog(log);
    with(mojo, "spec", spec.toFile());
    with(mojo, "previous", previous);
    with(mojo, "workDirectory", dir.resolve("target/sogno-compat").toFile());
    with(mojo, "executionRoot", dir.toFile());
    return mojo;
  }

  private static void commitEverything(Path repo) throws Exception {
    git(repo, "init", "-q");
    git(repo, "add", ".");
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "a version");
  }

  private static void git(Path directory, String... arguments) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of("git", "-C", directory.toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
  }
}
