package org.lfenergy.sogno.sdk.buildchecks;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each rule on the fixture modules: what it reports, and what it lets pass. */
class BoundaryRulesTest {
  private static final String FIXTURES = "org.lfenergy.sogno.sdk.buildchecks.fixtures";
  private static final SdkModule ALPHA = SdkModule.library("alpha", "alpha", FIXTURES + ".alpha", "spi");
  private static final SdkModule BETA = SdkModule.tool("alpha/beta", "beta", FIXTURES + ".alpha.beta");
  private static final List<SdkModule> MODULES = List.of(ALPHA, BETA);
  private static final JavaClasses CLASSES = new ClassFileImporter().importPackages(FIXTURES + ".alpha");

  @Test
  void aModuleUsingAnotherModulesInternalPackageIsReportedButNotItsOwn() {
    assertThat(violations(BoundaryRules.noModuleUsesAnotherModulesInternals(MODULES, KnownViolations.NONE)))
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).contains("Beta.both()").contains("AlphaHelper.help()")
            .endsWith(FIXTURES + ".alpha.internal is another module's internal package"))
        .noneMatch(line -> line.contains("BetaHelper"))
        .noneMatch(line -> line.contains("<" + FIXTURES + ".alpha.Alpha"));
  }

  @Test
  void aKnownViolationIsAcceptedByItsOriginAndTarget() {
    KnownViolations known = new KnownViolations(
        Set.of(FIXTURES + ".alpha.beta.Beta -> " + FIXTURES + ".alpha.internal.AlphaHelper"), Set.of());

    assertThat(violations(BoundaryRules.noModuleUsesAnotherModulesInternals(MODULES, known))).isEmpty();
  }

  @Test
  void okHttpInternalsAreReportedAndTheJdkHttpServerIsNot() {
    assertThat(violations(BoundaryRules.nothingUsesLibraryInternals(KnownViolations.NONE)))
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).contains("UsesLibraries.okHttpSaysGetTakesABody()")
            .endsWith("okhttp3.internal.http is a library's internal package"));
  }

  @Test
  void publicMembersAndSupertypesExposingAnInternalOrPackagePrivateTypeAreReported() {
    assertThat(violations(BoundaryRules.apiExposesNoInternalType(MODULES))).containsExactlyInAnyOrder(
        FIXTURES + ".alpha.Alpha.helper() exposes internal type " + FIXTURES + ".alpha.internal.AlphaHelper",
        FIXTURES + ".alpha.Alpha.use(java.util.List) exposes internal type " + FIXTURES + ".alpha.internal.AlphaHelper",
        FIXTURES + ".alpha.LeakingBase exposes internal type " + FIXTURES + ".alpha.internal.AlphaHelper",
        FIXTURES + ".alpha.Alpha.secret() exposes non-public type " + FIXTURES + ".alpha.Alpha$Secret");
  }

  @Test
  void aClassOutsideTheDeclaredPackagesIsReported() {
    JavaClasses alphaOnly = CLASSES.that(com.tngtech.archunit.core.domain.JavaClass.Predicates
        .resideOutsideOfPackage(FIXTURES + ".alpha.beta.."));

    assertThat(violations(BoundaryRules.classesLiveInDeclaredPackages(ALPHA), alphaOnly)).singleElement()
        .satisfies(line -> assertThat(line).startsWith(FIXTURES + ".alpha.stray.Stray is in package "
            + FIXTURES + ".alpha.stray, which alpha does not declare"));
  }

  @Test
  void exceptionsOfALibraryMustExtendSognoExceptionThoseOfAToolNeedNot() {
    assertThat(violations(BoundaryRules.exceptionsExtendSognoException(MODULES, KnownViolations.NONE)))
        .containsExactly(FIXTURES + ".alpha.AlphaFailure extends java.lang.IllegalStateException, not "
            + "org.lfenergy.sogno.sdk.core.SognoException");
    assertThat(violations(BoundaryRules.exceptionsExtendSognoException(MODULES,
        new KnownViolations(Set.of(), Set.of(FIXTURES + ".alpha.AlphaFailure"))))).isEmpty();
  }

  private static List<String> violations(ArchRule rule) {
    return violations(rule, CLASSES);
  }

  private static List<String> violations(ArchRule rule, JavaClasses classes) {
    return rule.evaluate(classes).getFailureReport().getDetails();
  }
}
