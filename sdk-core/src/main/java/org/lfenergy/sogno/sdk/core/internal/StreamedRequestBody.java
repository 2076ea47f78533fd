package org.lfenergy.sogno.sdk.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * A request body streamed from a file (read afresh for each attempt, so retries and redirects can
 * resend it) or from an {@link InputStream} (one-shot: such a call is never retried or redirected with
 * its body). Never held in memory; the logging interceptor does not read it.
 */
public final class StreamedRequestBody extends RequestBody {
  private final MediaType mediaType;
  private final Path file;
  private final InputStream stream;

  private StreamedRequestBody(MediaType mediaType, Path file, InputStream stream) {
    this.mediaType = mediaType;
    this.file = file;
    this.stream = stream;
  }

  public static StreamedRequestBody ofFile(Path file, MediaType mediaType) {
    return new StreamedRequestBody(mediaType, file, null);
  }

  public static StreamedRequestBody ofStream(InputStream stream, MediaType mediaType) {
    return new StreamedRequestBody(mediaType, null, stream);
  }

  @Override
  public MediaType contentType() {
    return mediaType;
  }

  @Override
  public long contentLength() throws IOException {
    return file == null ? -1 : Files.size(file);
  }

  @Override
  public boolean isOneShot() {
    return file == null;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    if (file != null) {
      try (Source source = Okio.source(file)) {
        sink.writeAll(source);
      }
    } else {
      sink.writeAll(Okio.source(stream)); // the caller owns and closes the stream
    }
  }
}
