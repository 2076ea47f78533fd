package org.lfenergy.sogno.sdk.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Function;

/**
 * Writes a download next to its file and moves it into place only when complete, so a failed download
 * leaves the file as it was and no partial file behind.
 */
final class FileDownload {
  private FileDownload() {}

  static ApiResponse<Long> into(Path file, Function<OutputStream, ApiResponse<Long>> download) {
    Path absolute = file.toAbsolutePath();
    Path partial;
    try {
      partial = Files.createTempFile(absolute.getParent(), absolute.getFileName() + ".", ".part");
    } catch (IOException e) {
      throw new SognoException("Cannot create a file next to " + absolute + ": " + e, e, null);
    }
    try {
      ApiResponse<Long> response;
      try (OutputStream out = Files.newOutputStream(partial)) {
        response = download.apply(out);
      }
      Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return response;
    } catch (IOException e) {
      throw new SognoException("Cannot write the download to " + absolute + ": " + e, e, null);
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException e) {
        // best effort: a leftover .part file is harmless
      }
    }
  }
}
