package org.lfenergy.sogno.sdk.buildchecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {
  @Test
  void showsRemovedAndAddedMembersUnderTheirType() {
    List<String> listed = List.of("public class A", "  public void a()", "  public void b()", "",
        "public class B", "  public void c()", "");
    List<String> compiled = List.of("public class A", "  public void a()", "  public void b(int)", "",
        "public class B", "  public void c()", "  public void d()", "");

    assertThat(LineDiff.of(listed, compiled)).containsExactly(
        "  public class A", "- " + "  public void b()", "+ " + "  public void b(int)",
        "  public class B", "+ " + "  public void d()");
  }

  @Test
  void showsAWholeNewTypeOnce() {
    assertThat(LineDiff.of(List.of("public class A", ""), List.of("public class A", "", "public class C",
        "  public C()", ""))).containsExactly("+ public class C", "+   public C()");
  }

  @Test
  void equalListingsHaveNoDiff() {
    assertThat(LineDiff.of(List.of("public class A", "  public void a()"),
        List.of("public class A", "  public void a()"))).isEmpty();
  }
}
