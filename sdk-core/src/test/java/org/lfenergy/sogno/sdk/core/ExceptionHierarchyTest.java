package org.lfenergy.sogno.sdk.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.internal.SognoIOException;

/** {@link SognoException} says it is the root of every exception the SDK throws: check every class of sdk-core. */
class ExceptionHierarchyTest {
  @Test
  void everyExceptionTypeOfSdkCoreExtendsSognoException() throws Exception {
    Path classes = Path.of(SognoException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> throwables;
    try (Stream<Path> files = Files.walk(classes.resolve("org/lfenergy/sogno/sdk/core"))) {
      throwables = files.filter(file -> file.toString().endsWith(".class"))
          .map(file -> classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", ""))
          .map(ExceptionHierarchyTest::load)
          .filter(Throwable.class::isAssignableFrom)
          // Never reach a caller: one carries a SognoException through OkHttp's IOException-only interceptor
          // chain, the other is a marker handed to Resilience4j's circuit breaker, never thrown.
          .filter(type -> type != SognoIOException.class)
          .filter(type -> !type.getName().endsWith("CircuitBreakerInterceptor$ServerErrorStatus"))
          .toList();
    }

    assertThat(throwables).hasSizeGreaterThan(15)
        .contains(org.lfenergy.sogno.sdk.core.server.ProblemException.class, ApiException.class)
        .allSatisfy(type -> assertThat(SognoException.class).as(type.getName()).isAssignableFrom(type));
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ExceptionHierarchyTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
