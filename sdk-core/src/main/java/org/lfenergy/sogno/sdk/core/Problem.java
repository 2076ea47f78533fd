package org.lfenergy.sogno.sdk.core;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.lfenergy.sogno.sdk.core.internal.HttpStatusText;

/**
 * An RFC 9457 problem detail ({@code application/problem+json}): what went wrong, in a form machines
 * and people can read.
 *
 * <p>Besides the standard members ({@code type}, {@code title}, {@code status}, {@code detail},
 * {@code instance}) it carries the SDK's own: a stable kebab-case {@link #code()} such as {@code
 * job-not-found}, field-level {@link #errors()} with JSON pointers, and the {@link #requestId()} that
 * lets support find the call. Any other member a server sends is kept in {@link #extensions()} and
 * written back out, so nothing is lost on a round trip through {@link SognoJson}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Problem {
  /** The media type of a serialized problem. */
  public static final String MEDIA_TYPE = "application/problem+json";
  /** The default {@link #type()}: the problem has no semantics beyond its HTTP status. */
  public static final URI ABOUT_BLANK = URI.create("about:blank");
  /** Prefix of the SDK's problem type URIs; the stable code follows it. */
  public static final String SDK_TYPE_PREFIX = "https://sogno-platform.github.io/problems/";

  /** Member names with a meaning of their own; these can't be used as extension names. */
  public static final Set<String> RESERVED_MEMBERS =
      Set.of("type", "title", "status", "detail", "instance", "code", "errors", "requestId");

  private final URI type;
  private final String title;
  private final int status;
  private final String detail;
  private final URI instance;
  private final String code;
  private final List<FieldError> errors;
  private final String requestId;
  private final Map<String, Object> extensions;

  private Problem(Builder builder) {
    this.type = builder.type;
    this.title = builder.title;
    this.status = builder.status;
    this.detail = builder.detail;
    this.instance = builder.instance;
    this.code = builder.code;
    this.errors = List.copyOf(builder.errors);
    this.requestId = builder.requestId;
    this.extensions = Collections.unmodifiableMap(new LinkedHashMap<>(builder.extensions));
  }

  /** A builder with no members set ({@code type} defaults to {@code about:blank}). */
  public static Builder builder() {
    return new Builder();
  }

  /** A problem that only says its HTTP status: {@code about:blank} with the status's reason phrase as title. */
  public static Problem of(int status) {
    return builder().status(status).title(HttpStatusText.reasonPhrase(status)).build();
  }

  /** The type URI the SDK uses for its own problem {@code code}: {@value #SDK_TYPE_PREFIX}{@code <code>}. */
  public static URI sdkType(String code) {
    return URI.create(SDK_TYPE_PREFIX + code);
  }

  /** A URI that identifies the problem type; {@code about:blank} when none was given. */
  public URI type() {
    return type;
  }

  /** A short summary of the problem type, may be {@code null}. */
  public String title() {
    return title;
  }

  /** The HTTP status code, or {@code 0} when the problem does not say. */
  public int status() {
    return status;
  }

  /** An explanation of this occurrence of the problem, may be {@code null}. */
  public String detail() {
    return detail;
  }

  /** A URI that identifies this occurrence, may be {@code null}. */
  public URI instance() {
    return instance;
  }

  /** The SDK's stable, kebab-case problem code (e.g. {@code validation-failed}), may be {@code null}. */
  public String code() {
    return code;
  }

  /** Field-level errors, each pointing into the request; empty when there are none. */
  public List<FieldError> errors() {
    return errors;
  }

  /** The {@code X-Request-ID} the server echoed in the problem, may be {@code null}. */
  public String requestId() {
    return requestId;
  }

  /**
   * Every other member, in the order received. Values are JSON-shaped: {@code Map}, {@code List},
   * {@code String}, {@code Number}, {@code Boolean} or {@code null}.
   */
  public Map<String, Object> extensions() {
    return extensions;
  }

  /** A builder pre-filled with this problem's members. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.type = type;
    builder.title = title;
    builder.status = status;
    builder.detail = detail;
    builder.instance = instance;
    builder.code = code;
    builder.errors.addAll(errors);
    builder.requestId = requestId;
    builder.extensions.putAll(extensions);
    return builder;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof Problem)) {
      return false;
    }
    Problem that = (Problem) other;
    return status == that.status && type.equals(that.type) && Objects.equals(title, that.title)
        && Objects.equals(detail, that.detail) && Objects.equals(instance, that.instance)
        && Objects.equals(code, that.code) && errors.equals(that.errors)
        && Objects.equals(requestId, that.requestId) && extensions.equals(that.extensions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, title, status, detail, instance, code, errors, requestId, extensions);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("Problem{");
    if (status != 0) {
      text.append("status=").append(status).append(", ");
    }
    if (code != null) {
      text.append("code=").append(code).append(", ");
    }
    text.append("title=").append(title);
    if (detail != null) {
      text.append(", detail=").append(detail);
    }
    if (!errors.isEmpty()) {
      text.append(", errors=").append(errors);
    }
    return text.append('}').toString();
  }

  /**
   * One field-level error: which part of the request ({@code pointer}, an RFC 6901 JSON pointer into
   * the body in the URI-fragment form RFC 9457 uses, such as {@code #/buses/0/voltage}, or
   * {@code #/query/<name>} / {@code #/header/<name>} for parameters), what is wrong with it ({@code detail}) and a stable {@code code}. Any component may
   * be {@code null}.
   *
   * @param pointer where in the request the error is
   * @param detail a human-readable explanation
   * @param code a stable, kebab-case error code
   */
  public record FieldError(String pointer, String detail, String code) {
    /** A field error without a code. */
    public static FieldError of(String pointer, String detail) {
      return new FieldError(pointer, detail, null);
    }
  }

  /** Builds a {@link Problem}. Not thread-safe. */
  public static final class Builder {
    private URI type = ABOUT_BLANK;
    private String title;
    private int status;
    private String detail;
    private URI instance;
    private String code;
    private final List<FieldError> errors = new ArrayList<>();
    private String requestId;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    private Builder() {}

    /** The problem type; {@code null} means {@code about:blank}. */
    public Builder type(URI type) {
      this.type = type == null ? ABOUT_BLANK : type;
      return this;
    }

    /**
     * The problem type as a string.
     *
     * @throws IllegalArgumentException when {@code type} is not a valid URI reference
     */
    public Builder type(String type) {
      return type(type == null ? null : URI.create(type));
    }

    /** Sets {@link #code()}; see {@link #sdkType(String)} for the matching type URI. */
    public Builder code(String code) {
      this.code = code;
      return this;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    /** @throws IllegalArgumentException unless {@code status} is 0 (unknown) or a three-digit code (100..999) */
    public Builder status(int status) {
      if (status != 0 && (status < 100 || status > 999)) {
        throw new IllegalArgumentException("Not an HTTP status: " + status);
      }
      this.status = status;
      return this;
    }

    public Builder detail(String detail) {
      this.detail = detail;
      return this;
    }

    public Builder instance(URI instance) {
      this.instance = instance;
      return this;
    }

    public Builder requestId(String requestId) {
      this.requestId = requestId;
      return this;
    }

    /** Replaces the field errors. */
    public Builder errors(List<FieldError> errors) {
      this.errors.clear();
      errors.forEach(this::error);
      return this;
    }

    /** Adds one field error. */
    public Builder error(FieldError error) {
      this.errors.add(Objects.requireNonNull(error, "error"));
      return this;
    }

    /** Adds one field error. */
    public Builder error(String pointer, String detail, String code) {
      return error(new FieldError(pointer, detail, code));
    }

    /**
     * Adds an extension member. Values must be JSON-shaped or convertible by {@link SognoJson}.
     *
     * @throws IllegalArgumentException when {@code name} is one of {@link #RESERVED_MEMBERS}
     */
    public Builder extension(String name, Object value) {
      if (RESERVED_MEMBERS.contains(Objects.requireNonNull(name, "name"))) {
        throw new IllegalArgumentException("'" + name + "' is a standard problem member, not an extension");
      }
      extensions.put(name, value);
      return this;
    }

    /** Replaces the extension members. */
    public Builder extensions(Map<String, ?> extensions) {
      this.extensions.clear();
      extensions.forEach(this::extension);
      return this;
    }

    public Problem build() {
      return new Problem(this);
    }
  }
}
