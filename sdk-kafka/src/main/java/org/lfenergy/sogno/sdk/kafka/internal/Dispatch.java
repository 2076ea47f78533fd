package org.lfenergy.sogno.sdk.kafka.internal;

/** A record read and matched to its handler, ready to be handed to it (again, on retries). */
interface Dispatch {
  /** The {@code type} tag of the record's meters: its event type, or {@code json} on a plain-JSON topic. */
  String typeTag();

  /** The CloudEvent id, or null on a plain-JSON topic. */
  default String messageId() {
    return null;
  }

  /** Calls the handler; {@code attempt} is 1 on the first call. */
  void handle(int attempt) throws Exception;
}
