package org.lfenergy.sogno.sdk.core.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import org.lfenergy.sogno.sdk.core.ApiException;
import org.lfenergy.sogno.sdk.core.CircuitOpenException;
import org.lfenergy.sogno.sdk.core.RequestTimeoutException;
import org.lfenergy.sogno.sdk.core.TransportException;

/** The words metrics, spans and logs use for how a call or an attempt ended. */
public final class CallOutcome {
  private static final String[] STATUS_CLASSES = {"none", "1xx", "2xx", "3xx", "4xx", "5xx"};

  private CallOutcome() {}

  /** {@code 2xx}…{@code 5xx}, or {@code none} when no response came. */
  public static String statusClass(int status) {
    int index = status / 100;
    return status > 0 && index < STATUS_CLASSES.length ? STATUS_CLASSES[index] : "none";
  }

  /**
   * {@code success}, {@code client_error}, {@code server_error}, {@code circuit_open}, {@code timeout},
   * {@code transport_error} or {@code unreadable_response} (a 2xx the reader or size limit refused).
   */
  public static String of(int status, Throwable failure) {
    if (failure == null) {
      return status >= 400 ? (status >= 500 ? "server_error" : "client_error") : "success";
    }
    if (failure instanceof ApiException api) {
      return api.status() >= 500 ? "server_error" : "client_error";
    }
    if (failure instanceof CircuitOpenException) {
      return "circuit_open";
    }
    if (failure instanceof RequestTimeoutException) {
      return "timeout";
    }
    if (failure instanceof TransportException) {
      return "transport_error";
    }
    return "unreadable_response";
  }

  /** Why an attempt is retried: {@code http_<status>}, {@code timeout} or {@code io_error}. */
  public static String retryReason(int status, IOException failure) {
    if (failure == null) {
      return "http_" + status;
    }
    boolean timeout = failure instanceof SocketTimeoutException
        || (failure instanceof InterruptedIOException && "timeout".equals(failure.getMessage()));
    return timeout ? "timeout" : "io_error";
  }
}
