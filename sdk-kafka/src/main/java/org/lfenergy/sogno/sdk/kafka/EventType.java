package org.lfenergy.sogno.sdk.kafka;

import java.util.Objects;
import java.util.regex.Pattern;
import org.lfenergy.sogno.sdk.core.TypeRef;

/**
 * Binds a CloudEvents {@code type} (e.g. {@code org.lfenergy.sogno.job.state-changed.v1}) to the Java
 * type of its payload. Subscribers register one handler per event type; that registration is the
 * allow-list: a record whose {@code ce_type} is not registered is never deserialized, and no class
 * name ever comes from a header. Immutable and thread-safe.
 *
 * @param <T> the payload type
 */
public final class EventType<T> {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/-]{0,254}");

  private final String name;
  private final Class<T> payloadClass;
  private final TypeRef<T> payloadType;

  private EventType(String name, Class<T> payloadClass, TypeRef<T> payloadType) {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "event type must be 1-255 characters of letters, digits and . _ : / -, reverse-DNS style: " + name);
    }
    this.name = name;
    this.payloadClass = payloadClass;
    this.payloadType = payloadType;
  }

  /** An event type whose payload is a plain class. */
  public static <T> EventType<T> of(String name, Class<T> payloadClass) {
    return new EventType<>(name, Objects.requireNonNull(payloadClass, "payloadClass"), null);
  }

  /** An event type whose payload is a generic type, e.g. {@code new TypeRef<List<Job>>() {}}. */
  public static <T> EventType<T> of(String name, TypeRef<T> payloadType) {
    return new EventType<>(name, null, Objects.requireNonNull(payloadType, "payloadType"));
  }

  /** The CloudEvents {@code type}, sent as {@code ce_type}. */
  public String name() {
    return name;
  }

  /** The payload's class, or {@code null} when the type was given as a {@link TypeRef}. */
  public Class<T> payloadClass() {
    return payloadClass;
  }

  /** The payload's generic type, or {@code null} when the type was given as a class. */
  public TypeRef<T> payloadType() {
    return payloadType;
  }

  @Override
  public boolean equals(Object other) {
    if (!(other instanceof EventType)) {
      return false;
    }
    EventType<?> that = (EventType<?>) other;
    return name.equals(that.name)
        && Objects.equals(payloadClass, that.payloadClass)
        && Objects.equals(payloadType == null ? null : payloadType.type(),
            that.payloadType == null ? null : that.payloadType.type());
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  @Override
  public String toString() {
    return name;
  }
}
