package org.lfenergy.sogno.sdk.codegen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;

/**
 * What a server reads from a {@code multipart/form-data} body without holding it: Jetty's streaming
 * multipart parser splits the body, the one file part (a part with a {@code filename}) is counted and
 * hashed as it arrives, text fields are kept as {@code name=value}.
 *
 * @param filePart the file part's field name
 * @param fileBytes the file part's length
 * @param fileSha256 the file part's SHA-256, hex
 * @param fields the text fields, {@code name=value}, comma-separated in order
 */
record MultipartDigest(String filePart, long fileBytes, String fileSha256, String fields) {
  /** Reads {@code body}, sent with {@code contentType}, to its end. */
  static MultipartDigest of(String contentType, InputStream body) throws IOException {
    Listener listener = new Listener();
    MultiPart.Parser parser = new MultiPart.Parser(MultiPart.extractBoundary(contentType), listener);
    for (byte[] buffer = new byte[64 * 1024]; ; buffer = new byte[64 * 1024]) { // the parser may keep a chunk
      int read = body.read(buffer);
      if (read < 0) {
        break;
      }
      parser.parse(Content.Chunk.from(ByteBuffer.wrap(buffer, 0, read), false));
    }
    parser.parse(Content.Chunk.EOF);
    if (listener.failure != null) {
      throw new IOException(listener.failure);
    }
    if (!listener.complete) {
      throw new IOException("The multipart body ended before its closing boundary");
    }
    return new MultipartDigest(listener.filePart, listener.fileBytes, HexFormat.of().formatHex(listener.sha.digest()),
        String.join(",", listener.fields));
  }

  private static final class Listener implements MultiPart.Parser.Listener {
    final MessageDigest sha = LargeBodyTest.sha256();
    final List<String> fields = new ArrayList<>();
    String filePart;
    long fileBytes;
    boolean complete;
    Throwable failure;
    private Map<String, String> disposition = Map.of();
    private ByteArrayOutputStream text;

    @Override
    public void onPartBegin() {
      disposition = Map.of();
      text = null;
    }

    @Override
    public void onPartHeader(String name, String value) {
      if ("Content-Disposition".equalsIgnoreCase(name)) {
        Map<String, String> parameters = new HashMap<>();
        HttpField.getValueParameters(value, parameters);
        disposition = parameters;
      }
    }

    @Override
    public void onPartHeaders() {
      if (disposition.containsKey("filename")) {
        filePart = disposition.get("name");
      } else {
        text = new ByteArrayOutputStream();
      }
    }

    @Override
    public void onPartContent(Content.Chunk chunk) {
      ByteBuffer content = chunk.getByteBuffer().slice();
      if (text != null) {
        byte[] bytes = new byte[content.remaining()];
        content.get(bytes);
        text.writeBytes(bytes);
      } else {
        fileBytes += content.remaining();
        sha.update(content);
      }
    }

    @Override
    public void onPartEnd() {
      if (text != null) {
        fields.add(disposition.get("name") + "=" + text.toString(StandardCharsets.UTF_8));
      }
    }

    @Override
    public void onComplete() {
      complete = true;
    }

    @Override
    public void onFailure(Throwable failure) {
      this.failure = failure;
    }
  }
}
