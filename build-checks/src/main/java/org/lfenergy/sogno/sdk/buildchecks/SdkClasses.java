package org.lfenergy.sogno.sdk.buildchecks;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * The compiled classes of every published module, imported once per JVM and shared by the checks. Classes the modules refer to are resolved from the class path as needed.
 *
 * <p>Thread-safe: {@link #sdk()} imports once.
 */
public final class SdkClasses {
  private static volatile SdkClasses sdk;

  private final JavaClasses all;
  private final Map<ModuleJar, JavaClasses> byModule;

  private SdkClasses(List<ModuleJar> jars) {
    this.all = new ClassFileImporter().importLocations(jars.stream().map(SdkClasses::location)
        .collect(Collectors.toSet()));
    Map<ModuleJar, JavaClasses> modules = new LinkedHashMap<>();
    for (ModuleJar jar : jars) {
      String path = jar.path().toUri().getRawPath();
      modules.put(jar, all.that(DescribedPredicate.describe("read from " + jar.path(), type -> type.getSource()
          .map(source -> source.getUri().toString().contains(path)).orElse(false))));
    }
    this.byModule = modules;
  }

  /** The published modules' classes ({@link SdkModules#PUBLISHED}). */
  public static SdkClasses sdk() {
    SdkClasses result = sdk;
    if (result == null) {
      synchronized (SdkClasses.class) {
        result = sdk;
        if (result == null) {
          sdk = result = new SdkClasses(ModuleJar.locateAll(SdkModules.PUBLISHED));
        }
      }
    }
    return result;
  }

  /** Every module's classes in one import, for rules across modules. */
  public JavaClasses all() {
    return all;
  }

  /** One module's classes, keyed by where they were read from, in {@link SdkModules#PUBLISHED} order. */
  public Map<ModuleJar, JavaClasses> byModule() {
    return Collections.unmodifiableMap(byModule);
  }

  /** The packages of {@code classes}, sorted. */
  public static Set<String> packagesOf(JavaClasses classes) {
    return classes.stream().map(JavaClass::getPackageName).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Location location(ModuleJar jar) {
    if (Files.isDirectory(jar.path())) {
      return Location.of(jar.path());
    }
    try (JarFile file = new JarFile(jar.path().toFile())) {
      return Location.of(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open " + jar.path(), e);
    }
  }
}
