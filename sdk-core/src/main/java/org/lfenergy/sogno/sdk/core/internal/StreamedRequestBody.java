package org.lfenergy.sogno.sdk.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.MediaType;
import org.lfenergy.sogno.sdk.core.MultipartBody;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/**
 * A request body streamed from a file (read afresh for each attempt, so retries and redirects can
 * resend it), from an {@link InputStream} (one-shot: such a call is never retried or redirected with
 * its body) or from a {@link MultipartBody} (one-shot when a part is a stream). Never held in memory;
 * the logging interceptor does not read it.
 */
public final class StreamedRequestBody extends RequestBody {
  private final MediaType mediaType;
  private final Path file;
  private final InputStream stream;
  private final MultipartBody multipart;

  private StreamedRequestBody(MediaType mediaType, Path file, InputStream stream, MultipartBody multipart) {
    this.mediaType = mediaType;
    this.file = file;
    this.stream = stream;
    this.multipart = multipart;
  }

  public static StreamedRequestBody ofFile(Path file, MediaType mediaType) {
    return new StreamedRequestBody(mediaType, file, null, null);
  }

  public static StreamedRequestBody ofStream(InputStream stream, MediaType mediaType) {
    return new StreamedRequestBody(mediaType, null, stream, null);
  }

  public static StreamedRequestBody ofMultipart(MultipartBody multipart, MediaType mediaType) {
    return new StreamedRequestBody(mediaType, null, null, multipart);
  }

  @Override
  public MediaType contentType() {
    return mediaType;
  }

  @Override
  public long contentLength() throws IOException {
    if (multipart != null) {
      return multipart.contentLength().orElse(-1);
    }
    return file == null ? -1 : Files.size(file);
  }

  @Override
  public boolean isOneShot() {
    return multipart != null ? multipart.isOneShot() : file == null;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    if (multipart != null) {
      multipart.writeTo(sink.outputStream()); // flushes to the socket as the sink's buffer fills
    } else if (file != null) {
      try (Source source = Okio.source(file)) {
        sink.writeAll(source);
      }
    } else {
      sink.writeAll(Okio.source(stream)); // the caller owns and closes the stream
    }
  }
}
