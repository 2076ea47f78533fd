package org.lfenergy.sogno.sdk.buildchecks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SdkModuleTest {
  private static final SdkModule ASYNC = SdkModule.library("sdk-async", "sogno-sdk-async", "org.x.async", "server");
  private static final SdkModule ASYNC_KAFKA = SdkModule.library("sdk-async-kafka", "sogno-sdk-async-kafka",
      "org.x.async.kafka");

  @Test
  void aPackageBelongsToTheModuleWithTheLongestMatchingRoot() {
    List<SdkModule> modules = List.of(ASYNC, ASYNC_KAFKA);

    assertThat(SdkModule.ownerOf("org.x.async.kafka.internal", modules)).isEqualTo(ASYNC_KAFKA);
    assertThat(SdkModule.ownerOf("org.x.async.server", modules)).isEqualTo(ASYNC);
    assertThat(SdkModule.ownerOf("org.x.asynchronous", modules)).isNull();
  }

  @Test
  void apiPackagesAreTheRootAndTheDeclaredSubPackagesAndInternalIsNotOne() {
    assertThat(ASYNC.apiPackages()).containsExactly("org.x.async", "org.x.async.server");
    assertThat(ASYNC.isApiPackage("org.x.async.server.http")).isFalse();
    assertThat(ASYNC.isInternalPackage("org.x.async.internal.store")).isTrue();
    assertThat(ASYNC.isInternalPackage("org.x.async.internals")).isFalse();
  }

  @Test
  void blankNamesAndInternalOrQualifiedSubPackagesAreRejectedByName() {
    assertThatThrownBy(() -> SdkModule.tool(" ", "a", "org.x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("directory must not be blank");
    assertThatThrownBy(() -> SdkModule.tool("a", "a", "")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rootPackage must not be blank");
    assertThatThrownBy(() -> SdkModule.tool("a", "a", "org.x", "internal")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("apiSubPackages: 'internal' is not a relative API package");
    assertThatThrownBy(() -> SdkModule.tool("a", "a", "org.x", ".server")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("apiSubPackages: '.server' is not a relative API package");
  }
}
