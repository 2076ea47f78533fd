package org.lfenergy.sogno.sdk.server;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer {@link SognoServer#serve} computed, for an adapter to write: status, headers, body and
 * whether to close the connection afterwards (set when a request body was left unread, e.g. one over
 * the size limit, so that nobody has to read the rest of it).
 *
 * <p>Immutable and thread-safe.
 */
public final class OutgoingResponse {
  private final int status;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final boolean closeConnection;

  /**
   * @param headers names as written; each name once
   * @param body not copied: ownership passes to the response
   */
  public OutgoingResponse(int status, Map<String, List<String>> headers, byte[] body, boolean closeConnection) {
    this.status = status;
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    this.body = body;
    this.closeConnection = closeConnection;
  }

  public int status() {
    return status;
  }

  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of {@code name}, compared case-insensitively. */
  public Optional<String> header(String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
        .map(e -> e.getValue().get(0))
        .findFirst();
  }

  /** The body (not a copy: don't change it); empty when there is none. */
  public byte[] body() {
    return body;
  }

  /** Whether the adapter should close the connection after writing (unread request body). */
  public boolean closeConnection() {
    return closeConnection;
  }

  @Override
  public String toString() {
    return "OutgoingResponse{" + status + ", " + headers.keySet() + '}';
  }
}
