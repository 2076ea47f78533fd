package org.lfenergy.sogno.sdk.kafka.internal;

import org.lfenergy.sogno.sdk.kafka.Event;
import org.lfenergy.sogno.sdk.kafka.EventType;

/**
 * Makes the events a subscriber hands to its handlers: {@link Event}s whose attributes are converted
 * on first access ({@link CloudEventHeaders.Attributes}). {@code Event}'s public API has no way to make
 * those, on purpose; {@code Event} registers its factory here when its class is initialized. Thread-safe.
 */
public final class ReceivedEvents {
  private static volatile Factory factory;

  private ReceivedEvents() {}

  /** Implemented by {@link Event}, the only caller of {@link #register}. */
  public interface Factory {
    /**
     * A received event of {@code type}; everything but the payload comes from {@code attributes}, its
     * delivery too ({@link CloudEventHeaders.Attributes#delivery()}).
     */
    <T> Event<T> received(String type, T data, CloudEventHeaders.Attributes attributes);
  }

  /**
   * Called once, by {@link Event}'s class initialization.
   *
   * @throws IllegalStateException if a factory is registered already
   */
  public static synchronized void register(Factory eventFactory) {
    if (factory != null) {
      throw new IllegalStateException("the received-event factory is registered already");
    }
    factory = eventFactory;
  }

  static <T> Event<T> create(EventType<T> type, T data, CloudEventHeaders.Attributes attributes) {
    Factory registered = factory;
    if (registered == null) {
      initialize(Event.class);
      registered = factory;
    }
    return registered.received(type.name(), data, attributes);
  }

  private static void initialize(Class<?> type) {
    try {
      Class.forName(type.getName(), true, type.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
