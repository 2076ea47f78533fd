package org.lfenergy.sogno.sdk.kafka;

/** Topics could not be created or reconfigured: the broker refused, or did not answer in time. */
public final class TopicProvisioningException extends MessagingException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message which topic and what failed
   * @param cause the Admin client's error
   */
  public TopicProvisioningException(String message, Throwable cause) {
    super(message, cause);
  }
}
