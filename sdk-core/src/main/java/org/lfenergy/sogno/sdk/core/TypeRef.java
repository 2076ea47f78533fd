package org.lfenergy.sogno.sdk.core;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * A super-type token that captures a generic type such as {@code List<Job>} for {@link SognoJson} and
 * {@link ResponseReader#json(TypeRef)}. Create one as an anonymous subclass:
 *
 * <pre>{@code
 * List<Job> jobs = json.read(bytes, new TypeRef<List<Job>>() {});
 * }</pre>
 *
 * <p>Immutable and thread-safe; keep instances in constants.
 *
 * @param <T> the captured type
 */
public abstract class TypeRef<T> {
  private final Type type;

  /** @throws IllegalStateException when created without a type argument */
  protected TypeRef() {
    Type superclass = getClass().getGenericSuperclass();
    if (!(superclass instanceof ParameterizedType)) {
      throw new IllegalStateException("TypeRef must be created with a type argument: new TypeRef<List<Job>>() {}");
    }
    this.type = ((ParameterizedType) superclass).getActualTypeArguments()[0];
  }

  /** The captured type. */
  public final Type type() {
    return type;
  }

  @Override
  public String toString() {
    return "TypeRef<" + type.getTypeName() + ">";
  }
}
