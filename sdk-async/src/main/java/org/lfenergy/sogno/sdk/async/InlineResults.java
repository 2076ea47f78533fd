package org.lfenergy.sogno.sdk.async;

import java.util.concurrent.CompletableFuture;
import org.lfenergy.sogno.sdk.async.internal.JsonPointers;
import org.lfenergy.sogno.sdk.core.ResponseReader;
import org.lfenergy.sogno.sdk.core.SognoException;
import org.lfenergy.sogno.sdk.core.SognoJson;

/** Results a job's own body carries ({@link JobDialect.Builder#resultMember}): no request, read from the last poll. */
final class InlineResults {
  private InlineResults() {}

  /**
   * The member of {@code polled}'s body, written as JSON and read with {@code reader} (an absent member
   * reads as JSON {@code null}); completes exceptionally with the reader's failure.
   */
  static <T> CompletableFuture<T> read(PolledJob polled, JobDialect dialect, ResponseReader<T> reader, SognoJson json, String jobId) {
    if (polled == null || polled.body() == null) {
      return CompletableFuture.failedFuture(
          new SognoException("No body of job " + jobId + " seen to read its inline result from (dialect " + dialect.name() + ")", null, null));
    }
    try {
      byte[] member = json.write(JsonPointers.get(polled.body(), dialect.resultMember()));
      return CompletableFuture.completedFuture(reader.read(polled.info(), member, json));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
