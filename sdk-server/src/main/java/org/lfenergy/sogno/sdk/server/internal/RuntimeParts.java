package org.lfenergy.sogno.sdk.server.internal;

import java.util.Map;
import org.lfenergy.sogno.sdk.server.OperationHandler;
import org.lfenergy.sogno.sdk.server.internal.auth.Authorizer;

/** The parts the {@link Pipeline} works with, built once from the spec at start-up. */
record RuntimeParts(
    Router router,
    SchemaRegistry schemas,
    ParameterValidator parameters,
    ResponseChecker responses,
    BuiltIns builtIns,
    JobBridge jobs,
    Map<String, OperationHandler> handlers,
    Authorizer auth) {

  OperationHandler handler(String operationId) {
    return handlers.get(operationId);
  }

  boolean hasHandler(String operationId) {
    return handlers.containsKey(operationId);
  }
}
