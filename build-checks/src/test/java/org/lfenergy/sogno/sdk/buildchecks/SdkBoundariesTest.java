package org.lfenergy.sogno.sdk.buildchecks;

import static org.lfenergy.sogno.sdk.buildchecks.SdkModules.PUBLISHED;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.Test;

/** The boundary rules over every published module ({@link BoundaryRulesTest} shows each rule catches its case). */
class SdkBoundariesTest {
  private final SdkClasses sdk = SdkClasses.sdk();

  @Test
  void noModuleUsesAnotherModulesInternalPackage() {
    BoundaryRules.noModuleUsesAnotherModulesInternals(PUBLISHED, KnownViolations.SDK).check(sdk.all());
  }

  @Test
  void noModuleUsesALibrarysInternalPackage() {
    BoundaryRules.nothingUsesLibraryInternals(KnownViolations.SDK).check(sdk.all());
  }

  @Test
  void publicApiExposesNoInternalType() {
    BoundaryRules.apiExposesNoInternalType(PUBLISHED).check(sdk.all());
  }

  @Test
  void everyClassIsInAnApiPackageOrUnderInternal() {
    sdk.byModule().forEach((jar, classes) -> BoundaryRules.classesLiveInDeclaredPackages(jar.module()).check(classes));
  }

  @Test
  void exceptionsOfModulesOnSdkCoreExtendSognoException() {
    BoundaryRules.exceptionsExtendSognoException(PUBLISHED, KnownViolations.SDK).check(sdk.all());
  }

  @Test
  void everyKnownViolationStillOccurs() {
    JavaClasses all = sdk.all();
    for (String accepted : KnownViolations.SDK.dependencies()) {
      String origin = accepted.substring(0, accepted.indexOf(" -> "));
      String target = accepted.substring(accepted.indexOf(" -> ") + 4);
      assertThat(all.contain(origin) && dependsOn(all, origin, target))
          .as("known violation '%s' no longer occurs: remove it from KnownViolations.SDK", accepted).isTrue();
    }
    for (String accepted : KnownViolations.SDK.exceptions()) {
      assertThat(all.contain(accepted) && !all.get(accepted).isAssignableTo("org.lfenergy.sogno.sdk.core.SognoException"))
          .as("known exception '%s' is gone or now a SognoException: remove it from KnownViolations.SDK", accepted)
          .isTrue();
    }
  }

  /** Whether {@code origin} or one of its nested classes uses {@code target} (top-level names). */
  private static boolean dependsOn(JavaClasses all, String origin, String target) {
    return all.stream()
        .filter(type -> KnownViolations.topLevel(type.getName()).equals(origin))
        .flatMap(type -> type.getDirectDependenciesFromSelf().stream())
        .map(dependency -> dependency.getTargetClass().getBaseComponentType())
        .map(JavaClass::getName)
        .anyMatch(name -> KnownViolations.topLevel(name).equals(target));
  }
}
