package org.lfenergy.sogno.sdk.server;

/**
 * The code behind one operation of the spec, registered by its {@code operationId} with {@link
 * SognoServer.Builder#handle(String, OperationHandler)}. The runtime has already routed, negotiated,
 * read, parsed and validated the request against the spec when it calls the handler, and it writes
 * the answer, problems and headers: a handler only does the work.
 *
 * <p>Anything a handler throws becomes a problem through the server's {@link
 * org.lfenergy.sogno.sdk.core.server.ExceptionProblemMapper}: a {@link
 * org.lfenergy.sogno.sdk.core.server.ProblemException} as it is, anything unexpected a 500 {@code
 * internal-error} that reveals nothing of the cause. Handlers are called concurrently, so they must be
 * thread-safe.
 */
@FunctionalInterface
public interface OperationHandler {
  /**
   * @param request the validated request
   * @return the answer; never null
   * @throws Exception anything; mapped to a problem as described above
   */
  OperationResponse handle(OperationRequest request) throws Exception;
}
