package org.lfenergy.sogno.sdk.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A {@code multipart/form-data} body (RFC 7578) for {@link ApiRequest.Builder#multipart}: text fields
 * and file parts, written to the connection part by part as the call sends it. File parts are read
 * from a {@link Path} (read afresh for each attempt, so retries and redirects resend it whole), an
 * {@link InputStream} (one-shot: a body with such a part is never retried or redirected with its
 * body; the caller closes the stream) or a byte array (small payloads). Nothing but the framing is held
 * in memory.
 *
 * <p>The framing cannot be broken by a name, a file name or a value: names and file names are quoted
 * as browsers do (HTML's form-data encoding: {@code "} becomes {@code %22}, CR {@code %0D}, LF {@code
 * %0A}), other control characters in them are refused, and the boundary is random ({@code sogno-} and
 * a random UUID), so no value can contain it but by chance.
 *
 * <p>The {@code Content-Length} is known, and sent, when no part is read from a stream; otherwise the
 * body is sent chunked. Immutable and thread-safe as far as its parts are: a stream part is consumed
 * by the first send.
 */
public final class MultipartBody {
  private static final byte[] CRLF = {'\r', '\n'};

  private final String boundary;
  private final List<Part> parts;

  private MultipartBody(Builder builder) {
    this.boundary = builder.boundary;
    this.parts = List.copyOf(builder.parts);
  }

  /** A builder for a body with a fresh random boundary. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code multipart/form-data; boundary=…}, the request's {@code Content-Type}. */
  public String mediaType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  /** The number of parts. */
  public int size() {
    return parts.size();
  }

  /** Whether a part is read from an {@link InputStream}, so the body can be sent only once. */
  public boolean isOneShot() {
    return parts.stream().anyMatch(part -> part.stream != null);
  }

  /**
   * The length of the whole body in bytes, files measured now; empty when a part is read from a stream.
   *
   * @throws IOException when a file part cannot be measured
   */
  public OptionalLong contentLength() throws IOException {
    long length = closing().length;
    for (Part part : parts) {
      long content = part.length();
      if (content < 0) {
        return OptionalLong.empty();
      }
      length += part.header.length + content + CRLF.length;
    }
    return OptionalLong.of(length);
  }

  /**
   * Writes the body to {@code out} part by part, copying files and streams through a small buffer.
   * Does not close {@code out} or a stream part.
   *
   * @throws IOException when {@code out} fails or a file or stream part cannot be read
   */
  public void writeTo(OutputStream out) throws IOException {
    for (Part part : parts) {
      out.write(part.header);
      if (part.file != null) {
        Files.copy(part.file, out);
      } else if (part.stream != null) {
        part.stream.transferTo(out);
      } else {
        out.write(part.bytes);
      }
      out.write(CRLF);
    }
    out.write(closing());
  }

  private byte[] closing() {
    return ("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public String toString() {
    return "MultipartBody[" + parts.size() + " parts]";
  }

  private static final class Part {
    final byte[] header;
    final byte[] bytes;
    final Path file;
    final InputStream stream;

    Part(byte[] header, byte[] bytes, Path file, InputStream stream) {
      this.header = header;
      this.bytes = bytes;
      this.file = file;
      this.stream = stream;
    }

    long length() throws IOException {
      return bytes != null ? bytes.length : file != null ? Files.size(file) : -1;
    }
  }

  /**
   * Builds a {@link MultipartBody}; parts are sent in the order they are added. Not thread-safe.
   * Setters throw {@link NullPointerException} for a null argument and {@link IllegalArgumentException}
   * for a name, file name or media type that would break the framing.
   */
  public static final class Builder {
    private final String boundary = "sogno-" + UUID.randomUUID();
    private final List<Part> parts = new ArrayList<>();

    private Builder() {}

    /** A text field, sent as {@code text/plain; charset=utf-8}. */
    public Builder text(String name, String value) {
      byte[] content = Objects.requireNonNull(value, "value").getBytes(StandardCharsets.UTF_8);
      parts.add(new Part(header(name, null, "text/plain; charset=utf-8"), content, null, null));
      return this;
    }

    /** A file part of {@code content} (copied), for small payloads. */
    public Builder file(String name, String filename, byte[] content, String mediaType) {
      byte[] copy = Objects.requireNonNull(content, "content").clone();
      parts.add(new Part(header(name, filename, mediaType), copy, null, null));
      return this;
    }

    /**
     * A file part streamed from {@code file}, read afresh for each attempt; it must not change during
     * the call.
     */
    public Builder file(String name, String filename, Path file, String mediaType) {
      Objects.requireNonNull(file, "file");
      parts.add(new Part(header(name, filename, mediaType), null, file, null));
      return this;
    }

    /**
     * A file part streamed from {@code file}, named after the file ({@code file.getFileName()}).
     */
    public Builder file(String name, Path file, String mediaType) {
      Path fileName = Objects.requireNonNull(file, "file").getFileName();
      return file(name, fileName == null ? name : fileName.toString(), file, mediaType);
    }

    /**
     * A file part streamed from {@code stream}, which can be read once: a call with this body is not
     * retried or redirected with its body. The caller closes the stream.
     */
    public Builder file(String name, String filename, InputStream stream, String mediaType) {
      Objects.requireNonNull(stream, "stream");
      parts.add(new Part(header(name, filename, mediaType), null, null, stream));
      return this;
    }

    /** @throws IllegalStateException when no part was added */
    public MultipartBody build() {
      if (parts.isEmpty()) {
        throw new IllegalStateException("A multipart body needs at least one part");
      }
      return new MultipartBody(this);
    }

    private byte[] header(String name, String filename, String mediaType) {
      StringBuilder header = new StringBuilder("--").append(boundary)
          .append("\r\nContent-Disposition: form-data; name=\"").append(quoted("name", name)).append('"');
      if (filename != null) {
        header.append("; filename=\"").append(quoted("filename", filename)).append('"');
      }
      Objects.requireNonNull(mediaType, "mediaType");
      refuseControlCharacters("mediaType", mediaType, mediaType);
      header.append("\r\nContent-Type: ").append(mediaType).append("\r\n\r\n");
      return header.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The HTML form-data escapes of {@code "}, CR and LF; other control characters are refused. */
    private static String quoted(String what, String value) {
      Objects.requireNonNull(value, what);
      String escaped = value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
      refuseControlCharacters(what, value, escaped);
      return escaped;
    }

    private static void refuseControlCharacters(String what, String original, String value) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        if (c < 0x20 && c != '\t' || c == 0x7f) {
          throw new IllegalArgumentException(what + " must not contain control characters: "
              + original.replace("\r", "\\r").replace("\n", "\\n").replaceAll("\\p{Cntrl}", "?"));
        }
      }
    }
  }
}
