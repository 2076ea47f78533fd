package org.lfenergy.sogno.sdk.buildchecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleJarTest {
  private static final SdkModule ASYNC = SdkModule.library("sdk-async", "sogno-sdk-async", "org.x.async");

  @TempDir
  Path dir;

  @Test
  void findsTheModulesJarAndNotOneWhoseArtifactOnlyStartsTheSame() {
    String classPath = String.join(File.pathSeparator, "/repo/sogno-sdk-async-kafka-0.1.0-SNAPSHOT.jar",
        "/repo/sogno-sdk-async-0.1.0-SNAPSHOT.jar");

    assertThat(ModuleJar.locate(ASYNC, classPath).path()).isEqualTo(Path.of("/repo/sogno-sdk-async-0.1.0-SNAPSHOT.jar"));
  }

  @Test
  void findsTheModulesClassesFolderInAReactorTestRun() {
    String classPath = String.join(File.pathSeparator, "/w/sdk-async-kafka/target/classes", "/w/sdk-async/target/classes");

    assertThat(ModuleJar.locate(ASYNC, classPath).path()).isEqualTo(Path.of("/w/sdk-async/target/classes"));
  }

  @Test
  void aModuleMissingFromTheClassPathNamesTheFix() {
    assertThatThrownBy(() -> ModuleJar.locate(ASYNC, "/repo/other-1.0.jar")).isInstanceOf(IllegalStateException.class)
        .hasMessage("sogno-sdk-async is not on the build checks' class path: add it as a test-scoped dependency"
            + " to build-checks/pom.xml");
  }

  @Test
  void readsTheModuleNameFromTheJarManifestOrElseFromTheModulesPom() throws Exception {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Automatic-Module-Name", "org.x.async");
    Path jar = dir.resolve("sogno-sdk-async-1.0.jar");
    try (OutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      out.flush();
    }
    Path classes = Files.createDirectories(dir.resolve("sdk-async/target/classes"));
    Files.writeString(dir.resolve("sdk-async/pom.xml"), "<properties><module.name>org.x.async</module.name></properties>");

    assertThat(new ModuleJar(ASYNC, jar).automaticModuleName(dir)).contains("org.x.async");
    assertThat(new ModuleJar(ASYNC, classes).automaticModuleName(dir)).contains("org.x.async");
    Files.writeString(dir.resolve("sdk-async/pom.xml"), "<properties/>");
    assertThat(new ModuleJar(ASYNC, classes).automaticModuleName(dir)).isEmpty();
  }
}
