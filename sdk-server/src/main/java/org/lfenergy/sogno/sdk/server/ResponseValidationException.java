package org.lfenergy.sogno.sdk.server;

import java.util.List;
import org.lfenergy.sogno.sdk.core.Problem;
import org.lfenergy.sogno.sdk.core.SognoException;

/**
 * A handler answered off-spec: a status the operation does not declare, a media type it does not
 * declare, or a body its schema rejects. Raised only with {@link ServerConfig#validateResponses()}
 * on; the client then gets a 500 {@code internal-error} problem instead of the off-spec answer, and
 * this exception goes to the server's violation listener (tests collect it; by default it is logged).
 */
public final class ResponseValidationException extends SognoException {
  private static final long serialVersionUID = 1L;

  private final String operationId;
  private final int status;
  private final transient List<Problem.FieldError> errors;

  /** @param errors each violation, pointers into the response body ({@code #/a/b}) */
  public ResponseValidationException(String operationId, int status, List<Problem.FieldError> errors, String requestId) {
    super("Operation " + operationId + " answered " + status + " off-spec: " + describe(errors), null, requestId);
    this.operationId = operationId;
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  private static String describe(List<Problem.FieldError> errors) {
    return errors.stream().map(e -> e.pointer() + " " + e.code() + ": " + e.detail())
        .reduce((a, b) -> a + "; " + b).orElse("");
  }

  public String operationId() {
    return operationId;
  }

  /** The status the handler answered. */
  public int status() {
    return status;
  }

  /** The violations: pointer, code ({@code type}, {@code required}, {@code undeclared-status}, …), detail. */
  public List<Problem.FieldError> errors() {
    return errors;
  }
}
