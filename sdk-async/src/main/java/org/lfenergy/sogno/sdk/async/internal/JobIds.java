package org.lfenergy.sogno.sdk.async.internal;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.UUID;

/**
 * Job ids: random UUIDv4 (RFC 9562, variant 10) whose 122 random bits come from a {@link SecureRandom}
 * — the parameter type is what makes the source a CSPRNG, so a guessable id cannot slip in through a
 * default. Thread-safe ({@code SecureRandom} is).
 */
public final class JobIds {
  private final SecureRandom random;

  /** @param random the source of the ids' random bits */
  public JobIds(SecureRandom random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The next id, e.g. {@code 3b241101-e2bb-4255-8caf-4136c566a962}. */
  public String next() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40); // version 4
    bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80); // IETF variant
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    return new UUID(buffer.getLong(), buffer.getLong()).toString();
  }
}
