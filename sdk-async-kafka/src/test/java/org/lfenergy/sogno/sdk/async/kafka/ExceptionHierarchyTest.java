package org.lfenergy.sogno.sdk.async.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.core.SognoException;

/** {@code SognoException} is documented as the root of every SDK exception: this module's included. */
class ExceptionHierarchyTest {

  @Test
  void everyExceptionOfTheModuleIsASognoException() throws Exception {
    Path root = Path.of(DistributedJobs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Class<?>> throwables;
    try (Stream<Path> files = Files.walk(root)) {
      throwables = files.filter(file -> file.toString().endsWith(".class"))
          .map(file -> root.relativize(file).toString().replace(root.getFileSystem().getSeparator(), "."))
          .map(name -> load(name.substring(0, name.length() - ".class".length())))
          .filter(Throwable.class::isAssignableFrom)
          .collect(Collectors.toList());
    }

    assertThat(throwables).contains(JobStateUnavailableException.class, RetryableJobException.class);
    assertThat(throwables).allSatisfy(type -> assertThat(type).isAssignableTo(SognoException.class));
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, ExceptionHierarchyTest.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
