package org.lfenergy.sogno.sdk.core;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Request;
import okhttp3.Response;
import org.lfenergy.sogno.sdk.core.internal.CallContext;
import org.lfenergy.sogno.sdk.core.internal.CallObserver;
import org.lfenergy.sogno.sdk.core.internal.Failures;
import org.lfenergy.sogno.sdk.core.internal.OpenCalls;

/**
 * Completes the future of {@link SognoClient#executeAsync} on OkHttp's dispatcher thread: the read
 * response, or the exception {@link SognoClient#execute} would have thrown; tells the call's {@link
 * CallObserver} how it ended.
 */
final class AsyncCallback<T> implements Callback {
  private final CompletableFuture<ApiResponse<T>> future = new CompletableFuture<>();
  private final Request request;
  private final ResponseHandler responses;
  private final ResponseReader<T> reader;
  private final OpenCalls calls;
  private final CallObserver observer;

  AsyncCallback(Request request, ResponseHandler responses, ResponseReader<T> reader, OpenCalls calls) {
    this.request = request;
    this.responses = responses;
    this.reader = reader;
    this.calls = calls;
    this.observer = CallContext.of(request).observer();
  }

  /** The future; cancelling it cancels {@code call}. */
  CompletableFuture<ApiResponse<T>> future(Call call) {
    future.whenComplete((response, failure) -> {
      if (future.isCancelled()) {
        call.cancel();
      }
    });
    return future;
  }

  @Override
  public void onFailure(Call failed, IOException e) {
    calls.finished(failed);
    SognoException failure = Failures.from(e, request);
    observer.ended(0, failure);
    future.completeExceptionally(failure);
  }

  @Override
  public void onResponse(Call done, Response response) {
    calls.finished(done);
    try (response) {
      ApiResponse<T> read = responses.read(done, response, reader);
      observer.ended(response.code(), null);
      future.complete(read);
    } catch (IOException e) {
      SognoException failure = Failures.from(e, request);
      observer.ended(response.code(), failure);
      future.completeExceptionally(failure);
    } catch (RuntimeException e) {
      observer.ended(response.code(), e);
      future.completeExceptionally(e);
    }
  }
}
