package org.lfenergy.sogno.sdk.core;

import java.io.IOException;
import java.io.OutputStream;
import okhttp3.Call;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.lfenergy.sogno.sdk.core.internal.CallHeadersInterceptor;
import org.lfenergy.sogno.sdk.core.internal.DeprecationWarnings;
import org.lfenergy.sogno.sdk.core.internal.ErrorBodies;
import org.lfenergy.sogno.sdk.core.internal.ProblemReader;
import org.lfenergy.sogno.sdk.core.internal.Redaction;

/**
 * Turns what came back into an {@link ApiResponse} or the typed exception: error bodies through
 * {@link ErrorBodies} (capped), success bodies read whole up to the client's limit or streamed to a
 * target. A body that is not read to its end drops the connection ({@link Call#cancel()}) instead of
 * letting OkHttp drain the rest into the void. Every final response first goes past the client's
 * {@link DeprecationWarnings}. Thread-safe.
 */
final class ResponseHandler {
  private static final int CHUNK = 8192;

  private final SognoJson json;
  private final long maxBodyBytes;
  private final DeprecationWarnings deprecations = new DeprecationWarnings();

  ResponseHandler(SognoJson json, long maxBodyBytes) {
    this.json = json;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Reads a 2xx body (at most {@code maxBodyBytes}) with {@code reader}; anything else throws. */
  <T> ApiResponse<T> read(Call call, Response response, ResponseReader<T> reader) throws IOException {
    ResponseInfo info = successOrThrow(call, response);
    byte[] body = boundedBody(call, response.body(), info);
    try {
      return new ApiResponse<>(info, reader.read(info, body, json));
    } catch (JsonException e) {
      throw new JsonException(e.getMessage() + " (HTTP " + info.status() + " from " + info.method() + " "
          + Redaction.forMessage(response.request().url()) + ", request id " + info.requestId() + ")", e,
          info.requestId());
    }
  }

  /** Copies a 2xx body to {@code target}, without limit; the value is the number of bytes copied. */
  ApiResponse<Long> copy(Call call, Response response, OutputStream target) throws IOException {
    ResponseInfo info = successOrThrow(call, response);
    BufferedSource source = response.body().source();
    byte[] chunk = new byte[CHUNK];
    long copied = 0;
    for (int read = source.read(chunk); read != -1; read = source.read(chunk)) {
      try {
        target.write(chunk, 0, read);
      } catch (IOException e) {
        call.cancel();
        throw new SognoException("The body of HTTP " + info.status() + " from " + info.method() + " "
            + Redaction.forMessage(response.request().url()) + " could not be written after " + copied
            + " bytes: " + e, e, info.requestId());
      }
      copied += read;
    }
    return new ApiResponse<>(info, copied);
  }

  private ResponseInfo successOrThrow(Call call, Response response) {
    deprecations.check(response);
    Request sent = response.request();
    ResponseInfo info = ResponseInfo.of(response.code(), response.headers(), sent.method(), sent.url(),
        sent.header(CallHeadersInterceptor.REQUEST_ID));
    if (!response.isSuccessful()) {
      ErrorBodies.Read body = ErrorBodies.read(response.body());
      if (!body.complete()) {
        call.cancel(); // the rest of the body is never read: drop the connection
      }
      Problem problem = ProblemReader.read(info.status(), response.header("Content-Type"), body.bytes(),
          body.complete(), json);
      throw ApiException.from(info, problem, body.bytes());
    }
    return info;
  }

  private byte[] boundedBody(Call call, ResponseBody body, ResponseInfo info) throws IOException {
    if (body.contentLength() > maxBodyBytes) {
      call.cancel();
      throw new ResponseTooLargeException(info, maxBodyBytes);
    }
    BufferedSource source = body.source();
    Buffer buffer = new Buffer();
    while (buffer.size() <= maxBodyBytes) {
      if (source.read(buffer, Math.min(CHUNK, maxBodyBytes + 1 - buffer.size())) == -1) {
        return buffer.readByteArray();
      }
    }
    call.cancel();
    throw new ResponseTooLargeException(info, maxBodyBytes);
  }
}
