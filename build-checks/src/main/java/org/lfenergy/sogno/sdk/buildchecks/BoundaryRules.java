package org.lfenergy.sogno.sdk.buildchecks;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The SDK's boundary rules as ArchUnit rules, each parameterized by the modules it judges and the
 * {@link KnownViolations} it accepts, so the same rules run over the SDK and over test fixtures.
 * Each rule reports one line per offending dependency or member, naming the source line.
 *
 * <p>Thread-safe (stateless); the returned rules are immutable.
 */
public final class BoundaryRules {
  private static final String SOGNO_EXCEPTION = "org.lfenergy.sogno.sdk.core.SognoException";

  private BoundaryRules() {
  }

  /** No class of one module uses another module's {@code internal} package. */
  public static ArchRule noModuleUsesAnotherModulesInternals(List<SdkModule> modules, KnownViolations known) {
    return rule("not use another SDK module's internal package", origin -> dependenciesOf(origin)
        .filter(dependency -> {
          String target = targetPackage(dependency);
          SdkModule owner = SdkModule.ownerOf(origin.getPackageName(), modules);
          return InternalPackages.isSdkInternal(target) && (owner == null || !owner.isInternalPackage(target))
              && !known.acceptsDependency(origin.getName(), targetName(dependency));
        })
        .map(dependency -> dependency.getDescription() + ": " + targetPackage(dependency)
            + " is another module's internal package"));
  }

  /** Nothing uses a library's or the JDK's implementation packages ({@link InternalPackages#ofLibrary}). */
  public static ArchRule nothingUsesLibraryInternals(KnownViolations known) {
    return rule("not use a library's internal package", origin -> dependenciesOf(origin)
        .filter(dependency -> !known.acceptsDependency(origin.getName(), targetName(dependency)))
        .flatMap(dependency -> InternalPackages.ofLibrary(targetPackage(dependency)).stream()
            .map(why -> dependency.getDescription() + ": " + targetPackage(dependency) + " is " + why)));
  }

  /**
   * No public or protected member of an exported type (public, in an API package) has in its
   * signature an internal type or an SDK type users cannot name (package-private): supertypes, type
   * parameter bounds, fields, parameters, return types and
   * {@code throws} clauses, generic arguments included.
   */
  public static ArchRule apiExposesNoInternalType(List<SdkModule> modules) {
    return rule("expose no internal type in the public API", type -> {
      if (!ApiSurface.isExported(type, modules)) {
        return Stream.empty();
      }
      return ApiSurface.signatures(type).flatMap(signature -> signature.types().stream()
          .map(JavaClass::getBaseComponentType)
          .filter(exposed -> isInternal(exposed.getPackageName()) || isHiddenSdkType(exposed))
          .map(exposed -> signature.description() + " exposes " + (isInternal(exposed.getPackageName())
              ? "internal" : "non-public") + " type " + exposed.getName()));
    });
  }

  /** Every class of {@code module} is in one of its API packages or under its {@code internal} package. */
  public static ArchRule classesLiveInDeclaredPackages(SdkModule module) {
    return rule("be in an API package of " + module.artifactId() + " " + module.apiPackages() + " or under "
        + module.internalPackage(), type -> module.isApiPackage(type.getPackageName())
            || module.isInternalPackage(type.getPackageName())
            ? Stream.empty()
            : Stream.of(type.getName() + " is in package " + type.getPackageName() + ", which " + module.artifactId()
                + " does not declare (add it to SdkModules or move the class under " + module.internalPackage() + ")"));
  }

  /**
   * In modules on sdk-core, every exception in an API package extends {@code SognoException}.
   * Internal exceptions are exempt: they never reach users as a type (sdk-core's {@code SognoIOException}
   * must be an {@code IOException} to cross OkHttp's interceptor chain, and is unwrapped before the caller).
   */
  public static ArchRule exceptionsExtendSognoException(List<SdkModule> modules, KnownViolations known) {
    return rule("extend " + SOGNO_EXCEPTION + " when an exception of a module on sdk-core", type -> {
      SdkModule owner = SdkModule.ownerOf(type.getPackageName(), modules);
      boolean judged = owner != null && owner.onSdkCore() && owner.isApiPackage(type.getPackageName())
          && type.isAssignableTo(Throwable.class) && !known.acceptsException(type.getName());
      return judged && !type.isAssignableTo(SOGNO_EXCEPTION)
          ? Stream.of(type.getName() + " extends " + type.getRawSuperclass().map(JavaClass::getName).orElse("?")
              + ", not " + SOGNO_EXCEPTION)
          : Stream.empty();
    });
  }

  /** An SDK type users cannot name: neither public nor a protected member type. */
  private static boolean isHiddenSdkType(JavaClass type) {
    return type.getPackageName().startsWith("org.lfenergy.sogno.") && !type.getModifiers().contains(JavaModifier.PUBLIC)
        && !type.getModifiers().contains(JavaModifier.PROTECTED);
  }

  static boolean isInternal(String packageName) {
    return InternalPackages.isSdkInternal(packageName) || InternalPackages.ofLibrary(packageName).isPresent();
  }

  private static Stream<Dependency> dependenciesOf(JavaClass origin) {
    return origin.getDirectDependenciesFromSelf().stream();
  }

  private static String targetPackage(Dependency dependency) {
    return dependency.getTargetClass().getBaseComponentType().getPackageName();
  }

  private static String targetName(Dependency dependency) {
    return dependency.getTargetClass().getBaseComponentType().getName();
  }

  private static ArchRule rule(String should, Function<JavaClass, Stream<String>> violations) {
    return classes().should(new ArchCondition<JavaClass>(should) {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        violations.apply(type).distinct().sorted()
            .forEach(message -> events.add(SimpleConditionEvent.violated(type, message)));
      }
    }).allowEmptyShould(true);
  }
}
