package org.lfenergy.sogno.sdk.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Request ids and trace ids are well-formed and unique, though drawn from ThreadLocalRandom. */
class GeneratedIdsTest {

  @Test
  void requestIdsAreDistinctVersion4Uuids() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String id = CallHeadersInterceptor.newRequestId();
      UUID uuid = UUID.fromString(id);
      assertThat(uuid.version()).isEqualTo(4);
      assertThat(uuid.variant()).isEqualTo(2);
      assertThat(uuid.toString()).isEqualTo(id);
      ids.add(id);
    }
    assertThat(ids).hasSize(10_000);
  }

  @Test
  void newTraceparentsAreValidSampledAndDistinct() {
    Set<String> traceIds = new HashSet<>();
    Set<String> parentIds = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      String traceparent = CallHeadersInterceptor.newTraceparent();
      assertThat(CallHeadersInterceptor.isValidTraceparent(traceparent)).as(traceparent).isTrue();
      assertThat(traceparent).startsWith("00-").endsWith("-01").hasSize(55);
      traceIds.add(traceparent.substring(3, 35));
      parentIds.add(traceparent.substring(36, 52));
    }
    assertThat(traceIds).hasSize(10_000);
    assertThat(parentIds).hasSize(10_000);
  }
}
