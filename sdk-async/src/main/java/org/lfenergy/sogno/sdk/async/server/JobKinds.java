package org.lfenergy.sogno.sdk.async.server;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The allow-list of job kinds a service runs: kind name → request type and handler. Register the same
 * kinds on every replica. Runtimes that run jobs outside the submitting call — distributed on Kafka,
 * durable in a database after a restart — look the work up here by the kind name stored with the job. A distributed job travels as its kind name and its request as JSON — never a
 * class name — and a worker reads the request into the type registered here, so nothing else can be
 * instantiated from the wire.
 *
 * <pre>{@code
 * JobKinds kinds = JobKinds.builder()
 *     .kind("powerflow", PowerFlowRequest.class, (request, ctx) -> solver.solve(request, ctx))
 *     .build();
 * jobs.submit(JobSubmission.builder("powerflow").owner(user).build(), kinds.work("powerflow", request));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class JobKinds {
  private final Map<String, Kind<?>> kinds;

  private JobKinds(Builder b) {
    this.kinds = Collections.unmodifiableMap(new LinkedHashMap<>(b.kinds));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The registered kind names. */
  public Set<String> names() {
    return kinds.keySet();
  }

  /** The kind registered as {@code name}. */
  public Optional<Kind<?>> kind(String name) {
    return Optional.ofNullable(kinds.get(name));
  }

  /**
   * The work of one job: runs the kind's handler on {@code request}, locally (in-memory job manager)
   * or on whichever replica takes it (distributed job manager).
   *
   * @throws IllegalArgumentException if {@code kind} is not registered or {@code request} is not of
   *     its request type
   */
  public KindWork<?> work(String kind, Object request) {
    Kind<?> registered = kinds.get(kind);
    if (registered == null) {
      throw new IllegalArgumentException("Job kind '" + kind + "' is not registered; known: " + kinds.keySet());
    }
    return registered.work(request);
  }

  /**
   * One registered kind: its name, request type and handler. Immutable.
   *
   * @param <R> the request type
   */
  public static final class Kind<R> {
    private final String name;
    private final Class<R> requestType;
    private final JobKindHandler<R> handler;

    private Kind(String name, Class<R> requestType, JobKindHandler<R> handler) {
      this.name = name;
      this.requestType = requestType;
      this.handler = handler;
    }

    public String name() {
      return name;
    }

    public Class<R> requestType() {
      return requestType;
    }

    public JobKindHandler<R> handler() {
      return handler;
    }

    /** @throws IllegalArgumentException if {@code request} is not an {@code R} */
    public KindWork<R> work(Object request) {
      if (!requestType.isInstance(request)) {
        throw new IllegalArgumentException("Job kind '" + name + "' takes a " + requestType.getName()
            + ", not " + (request == null ? "null" : request.getClass().getName()));
      }
      return new KindWork<>(this, requestType.cast(request));
    }
  }

  /**
   * The work of one job addressed by kind: a {@link JobWork} that runs the handler in this process,
   * and that a distributed job manager sends as kind name plus JSON request instead.
   *
   * @param <R> the request type
   */
  public static final class KindWork<R> implements JobWork {
    private final Kind<R> kind;
    private final R request;

    private KindWork(Kind<R> kind, R request) {
      this.kind = kind;
      this.request = request;
    }

    public String kind() {
      return kind.name();
    }

    public R request() {
      return request;
    }

    @Override
    public Object run(JobContext context) throws Exception {
      return kind.handler().run(request, context);
    }
  }

  /** Builds {@link JobKinds}; not thread-safe. */
  public static final class Builder {
    private final Map<String, Kind<?>> kinds = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Registers a kind.
     *
     * @throws IllegalArgumentException if the name is blank or already registered
     */
    public <R> Builder kind(String name, Class<R> requestType, JobKindHandler<R> handler) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("A job kind needs a name");
      }
      if (kinds.containsKey(name)) {
        throw new IllegalArgumentException("Job kind '" + name + "' is registered twice");
      }
      kinds.put(name, new Kind<>(name, Objects.requireNonNull(requestType, "requestType"),
          Objects.requireNonNull(handler, "handler")));
      return this;
    }

    public JobKinds build() {
      return new JobKinds(this);
    }
  }
}
