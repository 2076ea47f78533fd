package org.lfenergy.sogno.sdk.async.jdbc.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The unique column value of an idempotency key within its owner: SHA-256 of the length-prefixed
 * owner and the key, so any owner and key fit a fixed-width indexed column and no two pairs collide
 * by concatenation.
 */
public final class IdempotencyScope {
  private IdempotencyScope() {}

  /**
   * @param owner the owner, null for anonymous submissions
   * @param key the idempotency key, null for none
   * @return the hex digest, or null when there is no key
   */
  public static String of(String owner, String key) {
    if (key == null) {
      return null;
    }
    String scoped = (owner == null ? "-" : owner.length() + ":" + owner) + "|" + key;
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(scoped.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
