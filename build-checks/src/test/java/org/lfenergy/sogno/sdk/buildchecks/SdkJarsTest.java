package org.lfenergy.sogno.sdk.buildchecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The published jars: unique module names, no split packages, and none of the BOM's modules unchecked. */
class SdkJarsTest {
  private static final Path ROOT = Path.of(System.getProperty("sogno.root", "..")).normalize();
  private final SdkClasses sdk = SdkClasses.sdk();

  @Test
  void everyJarDeclaresItsRootPackageAsItsOwnAutomaticModuleName() {
    Map<String, Optional<String>> declared = new LinkedHashMap<>();
    sdk.byModule().keySet().forEach(jar -> declared.put(jar.module().artifactId(), jar.automaticModuleName(ROOT)));

    assertThat(JarIdentity.moduleNameProblems(SdkModules.PUBLISHED, declared)).isEmpty();
  }

  @Test
  void everyModulesApiIsUnderOrgLfenergySognoSdk() {
    assertThat(SdkModules.PUBLISHED).allSatisfy(module -> assertThat(module.rootPackage())
        .as(module.artifactId()).matches("org\\.lfenergy\\.sogno\\.sdk\\.[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)*"));
  }

  @Test
  void noPackageIsInTwoJars() {
    Map<String, Set<String>> packages = new LinkedHashMap<>();
    sdk.byModule().forEach((jar, classes) -> packages.put(jar.module().artifactId(), SdkClasses.packagesOf(classes)));

    assertThat(JarIdentity.splitPackages(packages)).isEmpty();
  }

  @Test
  void everyModuleOfTheBomIsChecked() throws IOException {
    Set<String> bom = new TreeSet<>();
    Matcher artifact = Pattern.compile("<artifactId>(sogno-[^<]+)</artifactId>")
        .matcher(Files.readString(ROOT.resolve("bom/pom.xml")));
    while (artifact.find()) {
      bom.add(artifact.group(1));
    }
    bom.remove("sogno-sdk-bom");
    bom.removeAll(SdkModules.APPLICATIONS.keySet());

    assertThat(SdkModules.PUBLISHED.stream().map(SdkModule::artifactId))
        .as("add each BOM module to SdkModules.PUBLISHED and as a test dependency to build-checks/pom.xml")
        .containsAll(bom);
  }
}
