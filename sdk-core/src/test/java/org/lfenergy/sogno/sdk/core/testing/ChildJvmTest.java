package org.lfenergy.sogno.sdk.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a test gets from a child JVM: its class path, its output, its exit code, and SIGKILL. */
class ChildJvmTest {

  @Test
  void leavesTheExcludedEntriesOutOfTheChildsClassPathAndKeepsTheRest() throws Exception {
    try (ChildJvm child = ChildJvm.builder(Program.class).excludingFromClassPath(ChildJvm.MICROMETER)
        .args("classes", "io.micrometer.core.instrument.MeterRegistry", "org.awaitility.Awaitility").start()) {
      assertThat(child.awaitExit()).as(child.output()).isZero();

      assertThat(child.output().lines()).containsExactly("io.micrometer.core.instrument.MeterRegistry false",
          "org.awaitility.Awaitility true");
    }
  }

  @Test
  void passesJvmOptionsAndReportsTheExitCode() throws Exception {
    try (ChildJvm child = ChildJvm.builder(Program.class).systemProperty("child.greeting", "hello")
        .args("property", "child.greeting", "exit", "3").start()) {
      assertThat(child.awaitExit()).isEqualTo(3);

      assertThat(child.output()).isEqualTo("hello\n");
    }
  }

  @Test
  void returnsTheFirstMatchingLinesInTheOrderPrinted() throws Exception {
    try (ChildJvm child = ChildJvm.builder(Program.class).args("print", "a 1", "b", "a 2", "a 3", "hang").start()) {
      List<String> lines = child.awaitLines(line -> line.startsWith("a "), 2);

      assertThat(lines).containsExactly("a 1", "a 2");
    }
  }

  @Test
  void failsWithWhatTheChildPrintedWhenItEndsWithoutTheAwaitedLine() throws Exception {
    try (ChildJvm child = ChildJvm.builder(Program.class).args("print", "something else").start()) {
      assertThatThrownBy(() -> child.awaitLine("READY")).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("ended after 0 of 1").hasMessageContaining("something else");
    }
  }

  @Test
  void killsAHangingChildWithSigkill() throws Exception {
    try (ChildJvm child = ChildJvm.builder(Program.class).args("print", "READY", "hang").start()) {
      child.awaitLine("READY");
      assertThat(child.isAlive()).isTrue();

      child.kill();

      assertThat(child.isAlive()).isFalse();
      assertThat(child.process().exitValue()).as("128 + SIGKILL (9)").isEqualTo(137);
    }
  }

  @Test
  void rejectsAHeapTooSmallAndAnOptionThatIsNoOption() {
    assertThatThrownBy(() -> ChildJvm.builder(Program.class).maxHeapMegabytes(8))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxHeapMegabytes must be at least 16: 8");
    assertThatThrownBy(() -> ChildJvm.builder(Program.class).jvmOption("Xmx1g"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Xmx1g");
  }

  /**
   * The child: {@code classes <name>…} prints whether each class loads; {@code property <name>} its
   * value; {@code print <line>…} the lines; then {@code exit <code>} ends with that code and
   * {@code hang} never ends.
   */
  static final class Program {
    public static void main(String[] args) throws InterruptedException {
      String mode = args[0];
      int i = 1;
      for (; i < args.length && !args[i].equals("exit") && !args[i].equals("hang"); i++) {
        switch (mode) {
          case "classes" -> System.out.println(args[i] + " " + ChildJvm.onClassPath(args[i]));
          case "property" -> System.out.println(System.getProperty(args[i]));
          default -> System.out.println(args[i]);
        }
      }
      System.out.flush();
      if (i < args.length && args[i].equals("exit")) {
        System.exit(Integer.parseInt(args[i + 1]));
      }
      if (i < args.length && args[i].equals("hang")) {
        Thread.sleep(Long.MAX_VALUE);
      }
    }
  }
}
