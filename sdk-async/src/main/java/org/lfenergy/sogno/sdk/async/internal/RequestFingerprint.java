package org.lfenergy.sogno.sdk.async.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The fingerprint that goes with an {@code Idempotency-Key}: SHA-256 over method, path (with query)
 * and body, so the same key with a different request is recognised.
 */
public final class RequestFingerprint {
  private RequestFingerprint() {}

  /** A lowercase hex SHA-256 of {@code method}, {@code pathAndQuery} and {@code body}. */
  public static String of(String method, String pathAndQuery, byte[] body) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
    sha256.update(method.getBytes(StandardCharsets.UTF_8));
    sha256.update((byte) ' ');
    sha256.update(pathAndQuery.getBytes(StandardCharsets.UTF_8));
    sha256.update((byte) '\n');
    sha256.update(body);
    return HexFormat.of().formatHex(sha256.digest());
  }
}
