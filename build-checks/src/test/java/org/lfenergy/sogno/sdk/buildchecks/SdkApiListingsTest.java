package org.lfenergy.sogno.sdk.buildchecks;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every published module's public API equals its checked-in listing in {@code build-checks/api/}; with
 * {@code -Dsogno.api.update=true} (see {@link ApiBaseline#UPDATE_COMMAND}) the listings are rewritten instead.
 */
class SdkApiListingsTest {
  @Test
  void publicApiOfEveryModuleMatchesItsCheckedInListing() {
    Path directory = Path.of(System.getProperty("sogno.api.dir", "api"));
    boolean update = Boolean.getBoolean("sogno.api.update");
    List<String> mismatches = new ArrayList<>();
    SdkClasses.sdk().byModule().forEach((jar, classes) -> {
      String listing = ApiListing.of(classes, SdkModules.PUBLISHED);
      ApiBaseline baseline = ApiBaseline.of(directory, jar.module().artifactId());
      if (update) {
        if (baseline.update(listing)) {
          System.out.println("Rewrote " + baseline.file());
        }
      } else {
        baseline.mismatch(listing).ifPresent(mismatches::add);
      }
    });
    if (!mismatches.isEmpty()) {
      fail(String.join("\n", mismatches));
    }
  }
}
