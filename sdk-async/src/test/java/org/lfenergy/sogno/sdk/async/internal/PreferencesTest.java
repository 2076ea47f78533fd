package org.lfenergy.sogno.sdk.async.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreferencesTest {
  @Test
  void readsRespondAsyncAndWaitAcrossHeadersAndIgnoresTheRest() {
    Preferences prefer = Preferences.parse(List.of("respond-async, handling=lenient", "wait=\"15\""));

    assertThat(prefer.respondAsync()).isTrue();
    assertThat(prefer.waitFor()).contains(Duration.ofSeconds(15));
  }

  @Test
  void malformedWaitIsIgnoredAsTheRfcAsks() {
    assertThat(Preferences.parse(List.of("wait=-3")).waitFor()).isEmpty();
    assertThat(Preferences.parse(List.of("wait=soon")).waitFor()).isEmpty();
    assertThat(Preferences.parse(List.of("wait=99999999999")).waitFor()).isEmpty();
    assertThat(Preferences.parse(List.of()).respondAsync()).isFalse();
  }

  @Test
  void preferenceAppliedWaitIsRecognised() {
    assertThat(Preferences.waitApplied(List.of("wait=10"))).isTrue();
    assertThat(Preferences.waitApplied(List.of("respond-async"))).isFalse();
  }
}
