package org.lfenergy.sogno.sdk.buildchecks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One published SDK module as the build checks see it: its folder, artifact, root package (which is
 * also its {@code Automatic-Module-Name}) and the sub-packages it declares as public API. Everything
 * else of the module lives under {@code <root>.internal}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param directory the module's folder relative to the repository root, e.g. {@code sdk-core}
 * @param artifactId the Maven artifact, e.g. {@code sogno-sdk-core}
 * @param rootPackage the module's API package and Java module name, e.g. {@code org.lfenergy.sogno.sdk.core}
 * @param apiSubPackages further API packages relative to the root, e.g. {@code server}
 * @param onSdkCore whether the module's exceptions must extend {@code SognoException} (it depends on
 *     sdk-core); build tools such as the linter do not
 */
public record SdkModule(String directory, String artifactId, String rootPackage, List<String> apiSubPackages,
    boolean onSdkCore) {

  /** @throws IllegalArgumentException when a field is blank or a sub-package is qualified */
  public SdkModule {
    requireText(directory, "directory");
    requireText(artifactId, "artifactId");
    requireText(rootPackage, "rootPackage");
    apiSubPackages = List.copyOf(apiSubPackages);
    for (String sub : apiSubPackages) {
      if (sub.isBlank() || sub.startsWith(".") || sub.equals("internal") || sub.startsWith("internal.")) {
        throw new IllegalArgumentException("apiSubPackages: '" + sub + "' is not a relative API package");
      }
    }
  }

  /** A runtime library on sdk-core. */
  public static SdkModule library(String directory, String artifactId, String rootPackage, String... apiSubPackages) {
    return new SdkModule(directory, artifactId, rootPackage, List.of(apiSubPackages), true);
  }

  /** A build tool (linter, generator, plugin, spec, testkit): its exceptions need not be SDK exceptions. */
  public static SdkModule tool(String directory, String artifactId, String rootPackage, String... apiSubPackages) {
    return new SdkModule(directory, artifactId, rootPackage, List.of(apiSubPackages), false);
  }

  /** The root package followed by the declared sub-packages, fully qualified. */
  public List<String> apiPackages() {
    List<String> packages = new ArrayList<>();
    packages.add(rootPackage);
    apiSubPackages.forEach(sub -> packages.add(rootPackage + "." + sub));
    return List.copyOf(packages);
  }

  /** {@code <root>.internal}: the module's implementation, sub-packages included. */
  public String internalPackage() {
    return rootPackage + ".internal";
  }

  /** Whether {@code packageName} is one of this module's API packages. */
  public boolean isApiPackage(String packageName) {
    return apiPackages().contains(packageName);
  }

  /** Whether {@code packageName} is this module's internal package or below it. */
  public boolean isInternalPackage(String packageName) {
    return packageName.equals(internalPackage()) || packageName.startsWith(internalPackage() + ".");
  }

  /** Whether {@code packageName} is the root package or below it (possibly another module's, nested). */
  boolean isUnderRoot(String packageName) {
    return packageName.equals(rootPackage) || packageName.startsWith(rootPackage + ".");
  }

  /**
   * The module whose root package is the longest prefix of {@code packageName}, so that
   * {@code …sdk.async.kafka.internal} belongs to sdk-async-kafka, not sdk-async; {@code null} if none.
   */
  public static SdkModule ownerOf(String packageName, List<SdkModule> modules) {
    SdkModule owner = null;
    for (SdkModule module : modules) {
      if (module.isUnderRoot(packageName)
          && (owner == null || module.rootPackage.length() > owner.rootPackage.length())) {
        owner = module;
      }
    }
    return owner;
  }

  private static void requireText(String value, String name) {
    if (Objects.requireNonNull(value, name).isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
