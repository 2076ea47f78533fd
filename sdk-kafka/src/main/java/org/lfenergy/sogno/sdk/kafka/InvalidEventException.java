package org.lfenergy.sogno.sdk.kafka;

/**
 * A received record is not an event the subscriber can hand to a handler: it lacks a required
 * CloudEvents attribute ({@code ce_specversion}, {@code ce_id}, {@code ce_source}, {@code ce_type}),
 * has an unsupported spec version or content type, its {@code ce_type} is not on the subscriber's
 * allow-list, or its payload cannot be read as the registered Java type. Such records go to the
 * dead-letter topic at once, without retries; this exception's class and message are in its
 * headers.
 */
public final class InvalidEventException extends MessagingException {
  private static final long serialVersionUID = 1L;
  private final Reason reason;

  /**
   * @param reason why the record was refused
   * @param message details (attribute names, the unknown type), never the payload
   * @param cause the JSON error for {@link Reason#UNREADABLE_PAYLOAD}, else {@code null}
   */
  public InvalidEventException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** Why the record was refused. */
  public Reason reason() {
    return reason;
  }

  /** Why a record is not a usable event. */
  public enum Reason {
    /** A required CloudEvents attribute is missing, or the spec version or content type is unsupported. */
    NOT_A_CLOUDEVENT,
    /** {@code ce_type} is missing. */
    MISSING_TYPE,
    /** {@code ce_type} is not on the subscriber's allow-list. */
    UNKNOWN_TYPE,
    /** The payload is not valid JSON for the registered type. */
    UNREADABLE_PAYLOAD
  }
}
