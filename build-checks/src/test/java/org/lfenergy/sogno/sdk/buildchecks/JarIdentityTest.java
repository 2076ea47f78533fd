package org.lfenergy.sogno.sdk.buildchecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JarIdentityTest {
  private static final SdkModule A = SdkModule.tool("a", "sogno-a", "org.example.a");
  private static final SdkModule B = SdkModule.tool("b", "sogno-b", "org.example.b");

  @Test
  void namesEqualToTheRootPackagesPass() {
    assertThat(JarIdentity.moduleNameProblems(List.of(A, B),
        Map.of("sogno-a", Optional.of("org.example.a"), "sogno-b", Optional.of("org.example.b")))).isEmpty();
  }

  @Test
  void aMissingInvalidForeignOrSharedNameIsReported() {
    assertThat(JarIdentity.moduleNameProblems(List.of(A, B), Map.of("sogno-a", Optional.empty()))).containsExactly(
        "sogno-a declares no Automatic-Module-Name (set the module.name property)",
        "sogno-b declares no Automatic-Module-Name (set the module.name property)");
    assertThat(JarIdentity.moduleNameProblems(List.of(A), Map.of("sogno-a", Optional.of("org.example.new"))))
        .containsExactly("sogno-a: 'org.example.new' is not a valid Java module name");
    assertThat(JarIdentity.moduleNameProblems(List.of(A, B),
        Map.of("sogno-a", Optional.of("org.example.a"), "sogno-b", Optional.of("org.example.a")))).containsExactly(
        "sogno-b: Automatic-Module-Name org.example.a is not its root package org.example.b",
        "Automatic-Module-Name org.example.a is declared by sogno-a, sogno-b");
  }

  @Test
  void aPackageInTwoJarsIsReportedWithBoth() {
    assertThat(JarIdentity.splitPackages(Map.of("sogno-a", Set.of("org.example.a", "org.example.shared"),
        "sogno-b", Set.of("org.example.b", "org.example.shared"))))
        .isEqualTo(Map.of("org.example.shared", Set.of("sogno-a", "sogno-b")));
  }
}
