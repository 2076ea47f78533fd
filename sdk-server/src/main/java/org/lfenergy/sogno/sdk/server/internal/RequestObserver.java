package org.lfenergy.sogno.sdk.server.internal;

/**
 * What metrics and traces learn about one request the runtime serves. {@link #NONE} does nothing and
 * is what every request gets when the server has no observability configured.
 */
interface RequestObserver {
  RequestObserver NONE = new RequestObserver() {};

  /** A scope that ends without a checked exception. */
  interface Scope extends AutoCloseable {
    Scope NONE = () -> {};

    @Override
    void close();
  }

  /** Makes the request's span current on this thread until the scope closes (so handlers' calls are its children). */
  default Scope enter() {
    return Scope.NONE;
  }

  /** The request was routed to {@code operation} ({@code operationId}) of path template {@code route}. */
  default void routed(String operation, String route) {}

  /** The answer went out with {@code status}. */
  default void ended(int status) {}
}
