package org.lfenergy.sogno.sdk.buildchecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiBaselineTest {
  private static final String LISTED = "public class A\n  public void a()\n\n";
  private static final String COMPILED = "public class A\n  public void a()\n  public void b()\n\n";

  @TempDir
  Path dir;

  @Test
  void aMissingListingNamesTheCommandThatWritesIt() {
    assertThat(ApiBaseline.of(dir, "sogno-x").mismatch(COMPILED)).hasValueSatisfying(message -> assertThat(message)
        .contains(dir.resolve("sogno-x.api").toString()).contains(ApiBaseline.UPDATE_COMMAND));
  }

  @Test
  void aChangedApiShowsTheDiffAndTheCommandThatRewritesTheListing() throws Exception {
    Files.writeString(dir.resolve("sogno-x.api"), LISTED);

    assertThat(ApiBaseline.of(dir, "sogno-x").mismatch(COMPILED)).hasValueSatisfying(message -> assertThat(message)
        .contains("  public class A\n+   public void b()\n").contains(ApiBaseline.UPDATE_COMMAND));
  }

  @Test
  void anUnchangedApiMatchesWhateverTheLineEndings() throws Exception {
    Files.writeString(dir.resolve("sogno-x.api"), LISTED.replace("\n", "\r\n"));

    assertThat(ApiBaseline.of(dir, "sogno-x").mismatch(LISTED)).isEmpty();
  }

  @Test
  void updateWritesTheListingOnlyWhenItChanged() throws Exception {
    ApiBaseline baseline = ApiBaseline.of(dir.resolve("api"), "sogno-x");

    assertThat(baseline.update(COMPILED)).isTrue();
    assertThat(baseline.update(COMPILED)).isFalse();
    assertThat(Files.readString(baseline.file())).isEqualTo(COMPILED);
    assertThat(baseline.mismatch(COMPILED)).isEmpty();
  }
}
