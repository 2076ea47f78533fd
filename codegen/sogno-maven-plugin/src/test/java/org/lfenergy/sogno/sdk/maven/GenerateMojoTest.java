package org.lfenergy.sogno.sdk.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lfenergy.sogno.sdk.maven.MojoFixture.with;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateMojoTest {
  private static final File SPEC = new File("src/test/resources/specs/meters-v0.yaml");

  @TempDir Path basedir;
  private Path target;
  private final MavenProject project = new MavenProject();
  private final MojoFixture.RecordingLog log = new MojoFixture.RecordingLog();
  private Path output;

  @BeforeEach
  void project() throws Exception {
    target = Files.createDirectories(basedir.resolve("target"));
    project.getBuild().setDirectory(target.toString());
    output = target.resolve("generated-sources/sogno");
  }

  @Test
  void writesTheClientAndAddsItAsACompileSourceRoot() throws Exception {
    generate(SPEC, "org.example.meters").execute();

    assertThat(output.resolve("org/example/meters/api/DefaultApi.java")).exists();
    assertThat(output.resolve("org/example/meters/model/Meter.java")).exists();
    assertThat(project.getCompileSourceRoots()).containsExactly(output.toFile().getAbsolutePath());
  }

  @Test
  void sideServerWritesHandlerInterfacesAndModelsButNoClient() throws Exception {
    with(generate(SPEC, "org.example.meters"), "side", "server").execute();

    assertThat(output.resolve("org/example/meters/server/DefaultHandler.java")).exists();
    assertThat(output.resolve("org/example/meters/model/Meter.java")).exists();
    assertThat(output.resolve("org/example/meters/api")).doesNotExist();
  }

  @Test
  void sideBothWritesClientAndServer() throws Exception {
    with(generate(SPEC, "org.example.meters"), "side", "both").execute();

    assertThat(output.resolve("org/example/meters/server/DefaultHandler.java")).exists();
    assertThat(output.resolve("org/example/meters/api/DefaultApi.java")).exists();
  }

  @Test
  void anUnknownSideFailsWithTheAcceptedValues() {
    assertThatThrownBy(with(generate(SPEC, "org.example.meters"), "side", "servers")::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("side must be client, server or both, was 'servers'");
  }

  @Test
  void unchangedInputsAreNotGeneratedAgain() throws Exception {
    generate(SPEC, "org.example.meters").execute();
    Path meter = output.resolve("org/example/meters/model/Meter.java");
    Files.setLastModifiedTime(meter, FileTime.fromMillis(0));

    generate(SPEC, "org.example.meters").execute();

    assertThat(Files.getLastModifiedTime(meter).toMillis()).isZero();
    assertThat(log.lines).anyMatch(line -> line.contains("is up to date"));
    assertThat(project.getCompileSourceRoots()).contains(output.toFile().getAbsolutePath());
  }

  @Test
  void changedPackageRegeneratesAndLeavesNoStaleFiles() throws Exception {
    generate(SPEC, "org.example.meters").execute();

    generate(SPEC, "org.example.metering").execute();

    assertThat(output.resolve("org/example/metering/model/Meter.java")).exists();
    assertThat(output.resolve("org/example/meters")).doesNotExist();
  }

  @Test
  void invalidPackageFailsNamingIt() {
    assertThatThrownBy(generate(SPEC, "org.example.2meters")::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("org.example.2meters");
  }

  @Test
  void unparsableSpecFailsWithTheLoadFindings() {
    assertThatThrownBy(generate(new File("src/test/resources/specs/broken.yaml"), "org.example")::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("SOGNO-101")
        .hasMessageContaining("broken.yaml:");
  }

  @Test
  void outputDirectoryClimbingOutOfTheBuildDirectoryIsRefusedAndNothingIsDeleted() throws Exception {
    Path source = Files.createDirectories(target.resolve("../src/main/java")).resolve("Keep.java");
    Files.writeString(source, "class Keep {}");

    assertThatThrownBy(generate(SPEC, "org.example.meters", target.resolve("../src/main/java"))::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("not strictly inside the build directory");

    assertThat(source).hasContent("class Keep {}");
    assertThat(project.getCompileSourceRoots()).isEmpty();
  }

  @Test
  void outputDirectoryEqualToTheBuildDirectoryIsRefusedAndNothingIsDeleted() throws Exception {
    Path classes = Files.createDirectories(target.resolve("classes")).resolve("Keep.class");
    Files.write(classes, new byte[] {1});

    assertThatThrownBy(generate(SPEC, "org.example.meters", target)::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessageContaining("not strictly inside the build directory");

    assertThat(classes).exists();
  }

  @Test
  void aSpecWithLoadingProblemsFailsWithTheLocatedFindingsAndNoModelDump() throws Exception {
    File spec = Files.writeString(basedir.resolve("nameless.yaml"), String.join("\n",
        "openapi: 3.0.3",
        "info: {title: Meters, version: 1.0.0}",
        "paths:",
        "  /v1/meters:",
        "    get:",
        "      operationId: listMeters",
        "      parameters: [{in: query, schema: {type: integer}}]",
        "      responses: {'204': {description: none}}",
        "")).toFile();

    assertThatThrownBy(generate(spec, "org.example.meters")::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageMatching("(?s).*SOGNO-101 MUST " + java.util.regex.Pattern.quote(spec.toString()) + ":\\d+ .*")
        .hasMessageNotContaining("Schemas");
    assertThat(output).doesNotExist();
  }

  @Test
  void missingSpecFailsNamingThePath() {
    assertThatThrownBy(generate(new File("src/test/resources/specs/nowhere.yaml"), "org.example")::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("nowhere.yaml");
  }

  private GenerateMojo generate(File spec, String packageName) {
    return generate(spec, packageName, output);
  }

  private GenerateMojo generate(File spec, String packageName, Path outputDirectory) {
    GenerateMojo mojo = new GenerateMojo();
    mojo.setLog(log);
    with(mojo, "spec", spec);
    with(mojo, "packageName", packageName);
    with(mojo, "outputDirectory", outputDirectory.toFile());
    with(mojo, "side", "client");
    return with(mojo, "project", project);
  }
}
