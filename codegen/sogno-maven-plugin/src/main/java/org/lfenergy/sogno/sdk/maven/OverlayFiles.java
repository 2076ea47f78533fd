package org.lfenergy.sogno.sdk.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The overlays' part of a generation stamp: each file's path and a digest of its content. */
final class OverlayFiles {
  private OverlayFiles() {}

  /** Path and SHA-256 of each overlay in order; an unreadable one is named as such (generation reports it). */
  static String describe(List<File> overlays) {
    if (overlays == null || overlays.isEmpty()) {
      return "";
    }
    StringBuilder description = new StringBuilder();
    for (File overlay : overlays) {
      description.append(overlay.getAbsolutePath()).append('=');
      try {
        description.append(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(overlay.toPath()))));
      } catch (IOException | NoSuchAlgorithmException e) {
        description.append("unreadable");
      }
      description.append(';');
    }
    return description.toString();
  }
}
