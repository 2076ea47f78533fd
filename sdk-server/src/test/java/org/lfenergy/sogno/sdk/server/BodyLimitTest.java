package org.lfenergy.sogno.sdk.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The body limit is enforced while reading: nothing past {@code limit + 1} bytes is ever read. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BodyLimitTest {
  private static final int LIMIT = 1024 * 1024;
  private static final long TWENTY_MB_OVER = LIMIT + 20L * 1024 * 1024;

  private final ThingsService service = new ThingsService();
  private final SognoServer server = service.builder(ServerConfig.builder().maxRequestBytes(LIMIT).build()).build();

  @AfterAll
  void closeJobs() {
    service.jobs.close();
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedWithoutReadingAByte() throws Exception {
    CountingBody body = new CountingBody(TWENTY_MB_OVER);

    OutgoingResponse response = post(body, TWENTY_MB_OVER);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.closeConnection()).isTrue();
    assertThat(response.header("Connection")).hasValue("close");
    assertThat(body.read.get()).isZero();
  }

  @Test
  void aDeclaredLengthJustOverTheLimitIsDrainedUnbufferedSoTheConnectionStaysUsable() throws Exception {
    CountingBody body = new CountingBody(LIMIT + 1);

    OutgoingResponse response = post(body, LIMIT + 1);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.closeConnection()).isFalse();
    assertThat(response.header("Connection")).isEmpty();
    assertThat(body.read.get()).isEqualTo(LIMIT + 1);
  }

  @Test
  void aBodyOfUnknownLengthIsReadOnlyUpToOneBytePastTheLimit() throws Exception {
    CountingBody body = new CountingBody(TWENTY_MB_OVER);

    OutgoingResponse response = post(body, -1);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.closeConnection()).isTrue();
    assertThat(body.read.get()).isEqualTo(LIMIT + 1);
  }

  private OutgoingResponse post(InputStream body, long declaredLength) throws Exception {
    IncomingRequest.Builder request = IncomingRequest.builder("POST", "/v1/things")
        .header("Content-Type", "application/json")
        .body(body, declaredLength);
    if (declaredLength < 0) {
      request.header("Transfer-Encoding", "chunked");
    }
    return server.serve(request.build()).get();
  }

  /** {@code size} bytes of {@code ' '}, made as they are read, counting how many were. */
  private static final class CountingBody extends InputStream {
    final AtomicLong read = new AtomicLong();
    private final long size;

    CountingBody(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      long left = size - read.get();
      if (left <= 0) {
        return -1;
      }
      int n = (int) Math.min(length, left);
      java.util.Arrays.fill(buffer, offset, offset + n, (byte) ' ');
      read.addAndGet(n);
      return n;
    }
  }
}
