package org.lfenergy.sogno.sdk.async;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.lfenergy.sogno.sdk.async.server.IllegalJobTransitionException;
import org.lfenergy.sogno.sdk.async.server.JobFailureException;
import org.lfenergy.sogno.sdk.async.server.JobManagerException;
import org.lfenergy.sogno.sdk.async.server.JobStoreFullException;
import org.lfenergy.sogno.sdk.core.SognoException;
import org.junit.jupiter.api.Test;

/** {@code SognoException} is documented as the root of every SDK exception: this module's included. */
class ExceptionHierarchyTest {

  @Test
  void everyExceptionOfTheModuleIsASognoException() throws Exception {
    List<Class<?>> throwables = throwablesOfTheJarHolding(JobHandle.class);

    assertThat(throwables).contains(JobManagerException.class, JobStoreFullException.class, JobFailureException.class,
        IllegalJobTransitionException.class, JobNotFoundException.class);
    assertThat(throwables).allSatisfy(type -> assertThat(type).isAssignableTo(SognoException.class));
  }

  /** Every {@link Throwable} among the main classes beside {@code anchor} (the module's own classes). */
  static List<Class<?>> throwablesOfTheJarHolding(Class<?> anchor) throws IOException, URISyntaxException {
    Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(file -> file.toString().endsWith(".class"))
          .map(file -> root.relativize(file).toString().replace(root.getFileSystem().getSeparator(), "."))
          .map(name -> name.substring(0, name.length() - ".class".length()))
          .map(ExceptionHierarchyTest::load)
          .filter(Throwable.class::isAssignableFrom)
          .collect(Collectors.toList());
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ExceptionHierarchyTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
