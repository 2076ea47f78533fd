package org.lfenergy.sogno.sdk.codegen;

import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.lfenergy.sogno.sdk.codegen.grid.api.GridsApi;
import org.lfenergy.sogno.sdk.core.ApiResponse;
import org.lfenergy.sogno.sdk.core.SognoClient;

/**
 * Run by {@link LargeBodyTest} in a child JVM with a small heap, against the server at {@code args[0]},
 * through the generated streaming methods and a client with a 1 MiB response limit: uploads {@link
 * #SIZE} bytes of {@link #pattern()} from an {@code InputStream} ({@code putSnapshot}), then downloads
 * the snapshot ({@code getSnapshotTo}) and prints {@code bytes=<n> sha256=<hex>} of what arrived. With
 * {@code args[1]} {@code multipart}, instead uploads {@link #SIZE} bytes as the file part of a
 * multipart form ({@code addAttachment(id, InputStream, options)}) and prints {@code sent sha256=<hex>
 * answer=<the server's answer>}.
 */
public final class LargeBodyChild {
  /** 1 GiB. */
  static final long SIZE = 1L << 30;

  private LargeBodyChild() {}

  public static void main(String[] args) throws Exception {
    GridsApi grids = new GridsApi(SognoClient.builder().baseUrl(args[0]).maxResponseBytes(1024 * 1024).build());
    if (args.length > 1 && "multipart".equals(args[1])) {
      MessageDigest sent = MessageDigest.getInstance("SHA-256");
      try (InputStream upload = new DigestInputStream(pattern(), sent)) {
        String answer = grids.addAttachment("g1", upload, GridsApi.AddAttachmentOptions.defaults().comment("a gibibyte"));
        System.out.println("sent sha256=" + HexFormat.of().formatHex(sent.digest()) + " answer=" + answer);
      }
      return;
    }
    try (InputStream upload = pattern()) {
      grids.putSnapshot("g1", upload);
    }
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
      ApiResponse<Long> answer = grids.getSnapshotTo("g1", sink);
      System.out.println("bytes=" + answer.body() + " sha256=" + HexFormat.of().formatHex(sha.digest()));
    }
  }

  /** {@link #SIZE} bytes of a fixed pseudo-random pattern, generated as read (64 KiB at a time). */
  static InputStream pattern() {
    return new InputStream() {
      private final Random random = new Random(42);
      private final byte[] block = new byte[64 * 1024];
      private int position = block.length;
      private long remaining = SIZE;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] target, int offset, int length) {
        if (remaining == 0) {
          return -1;
        }
        if (position == block.length) {
          random.nextBytes(block);
          position = 0;
        }
        int count = (int) Math.min(Math.min(length, block.length - position), remaining);
        System.arraycopy(block, position, target, offset, count);
        position += count;
        remaining -= count;
        return count;
      }
    };
  }
}
