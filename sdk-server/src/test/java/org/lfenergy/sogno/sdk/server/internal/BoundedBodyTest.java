package org.lfenergy.sogno.sdk.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.server.IncomingRequest;

/** The body as read up to the limit, whatever the adapter declared; never more than limit + 1 bytes. */
class BoundedBodyTest {
  private static final int LIMIT = 10;

  @Test
  void noBodyReadsAsEmpty() throws IOException {
    assertThat(BoundedBody.read(IncomingRequest.builder("GET", "/").build(), LIMIT)).hasValueSatisfying(
        body -> assertThat(body).isEmpty());
    assertThat(BoundedBody.read(request(new byte[0], 0), LIMIT)).hasValueSatisfying(body -> assertThat(body).isEmpty());
  }

  @Test
  void aDeclaredLengthUpToTheLimitReadsThoseBytes() throws IOException {
    assertThat(BoundedBody.read(request(bytes(3), 3), LIMIT)).hasValue(bytes(3));
    assertThat(BoundedBody.read(request(bytes(LIMIT), LIMIT), LIMIT)).hasValue(bytes(LIMIT));
  }

  @Test
  void aStreamShorterOrLongerThanDeclaredReadsWhatItHolds() throws IOException {
    assertThat(BoundedBody.read(request(bytes(2), 5), LIMIT)).hasValue(bytes(2));
    assertThat(BoundedBody.read(request(bytes(7), 5), LIMIT)).hasValue(bytes(7));
    assertThat(BoundedBody.read(request(bytes(LIMIT + 1), 5), LIMIT)).isEmpty();
  }

  @Test
  void anUnknownLengthIsReadUpToTheLimitAndRefusedOneByteOver() throws IOException {
    assertThat(BoundedBody.read(request(bytes(1), -1), LIMIT)).hasValue(bytes(1));
    assertThat(BoundedBody.read(request(bytes(LIMIT), -1), LIMIT)).hasValue(bytes(LIMIT));
    assertThat(BoundedBody.read(request(bytes(LIMIT + 1), -1), LIMIT)).isEmpty();
  }

  @Test
  void anEndlessBodyIsRefusedAfterLimitPlusOneBytes() throws IOException {
    int[] read = {0};
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        read[0]++;
        return 'x';
      }
    };

    assertThat(BoundedBody.read(IncomingRequest.builder("POST", "/").body(endless, -1).build(), LIMIT)).isEmpty();
    assertThat(read[0]).isEqualTo(LIMIT + 1);
  }

  private static IncomingRequest request(byte[] body, long declared) {
    return IncomingRequest.builder("POST", "/").body(new ByteArrayInputStream(body), declared).build();
  }

  private static byte[] bytes(int count) {
    byte[] bytes = new byte[count];
    Arrays.fill(bytes, (byte) 'a');
    for (int i = 0; i < count; i++) {
      bytes[i] += (byte) (i % 26);
    }
    return bytes;
  }
}
