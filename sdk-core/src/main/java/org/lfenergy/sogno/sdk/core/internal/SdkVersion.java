package org.lfenergy.sogno.sdk.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The SDK's version, from a resource Maven filters at build time (so tests see it too). */
public final class SdkVersion {
  private static final String VERSION = load();

  private SdkVersion() {}

  public static String version() {
    return VERSION;
  }

  /** {@code sogno-sdk-java/<version> (Java <version>)}, plus {@code suffix} when not blank. */
  public static String userAgent(String suffix) {
    String base = "sogno-sdk-java/" + VERSION + " (Java " + System.getProperty("java.version") + ")";
    return suffix == null || suffix.isBlank() ? base : base + " " + suffix.trim();
  }

  private static String load() {
    try (InputStream in = SdkVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
