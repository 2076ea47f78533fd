package org.lfenergy.sogno.sdk.buildchecks;

import static org.lfenergy.sogno.sdk.buildchecks.SdkModules.PUBLISHED;

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
}
