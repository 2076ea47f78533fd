package org.lfenergy.sogno.sdk.testkit;

import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * JUnit 5 extension that gives a test class a running {@link EmbeddedKafkaBroker}.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final EmbeddedKafkaExtension kafka =
 *     EmbeddedKafkaExtension.withBroker(b -> b.brokerProperty("log.retention.ms", "60000"));
 *
 * @Test
 * void roundTrip() {
 *   String servers = kafka.bootstrapServers();
 * }
 * }</pre>
 *
 * <p>On a static field (or through {@link EmbeddedKafka}) one broker serves the whole class; on an
 * instance field each test gets a fresh one. A test that stopped the broker (a fault test) and
 * failed before starting it again does not break the next one: the extension starts it again
 * before every test. Also resolves {@code EmbeddedKafkaBroker} parameters.
 */
public final class EmbeddedKafkaExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(EmbeddedKafkaExtension.class);

  private final Consumer<EmbeddedKafkaBroker.Builder> configuration;
  private final boolean shared;
  private EmbeddedKafkaBroker broker;
  private boolean perClass;

  /** For {@code @ExtendWith} and {@link EmbeddedKafka}: defaults plus the annotation's properties. */
  public EmbeddedKafkaExtension() {
    this(builder -> {}, false);
  }

  private EmbeddedKafkaExtension(Consumer<EmbeddedKafkaBroker.Builder> configuration, boolean shared) {
    this.configuration = Objects.requireNonNull(configuration, "configuration");
    this.shared = shared;
  }

  /** A broker with the kit's defaults. */
  public static EmbeddedKafkaExtension create() {
    return new EmbeddedKafkaExtension();
  }

  /** A broker configured by {@code configuration} on top of the defaults. */
  public static EmbeddedKafkaExtension withBroker(Consumer<EmbeddedKafkaBroker.Builder> configuration) {
    return new EmbeddedKafkaExtension(configuration, false);
  }

  /**
   * One default broker for every test class of the run that registers a shared extension, started
   * by the first and closed when the run ends. Saves a broker start per class; tests must then use
   * their own topics and groups (see {@link TestTopics#uniqueName(String)}), and fault tests that
   * stop the broker should use a broker of their own.
   */
  public static EmbeddedKafkaExtension shared() {
    return new EmbeddedKafkaExtension(builder -> {}, true);
  }

  /**
   * The running broker.
   *
   * @throws IllegalStateException outside a test's lifecycle
   */
  public EmbeddedKafkaBroker broker() {
    if (broker == null) {
      throw new IllegalStateException("the embedded broker runs only while tests run");
    }
    return broker;
  }

  /** Shortcut for {@code broker().bootstrapServers()}. */
  public String bootstrapServers() {
    return broker().bootstrapServers();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    perClass = true;
    broker = acquire(context).start();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (broker == null) {
      broker = acquire(context);
    }
    broker.start();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass) {
      closeBroker();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    closeBroker();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == EmbeddedKafkaBroker.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    if (broker == null) {
      throw new ParameterResolutionException("no embedded broker is running for " + context.getDisplayName());
    }
    return broker;
  }

  /** The run's shared broker (closed by JUnit when the run ends), or a new one. */
  private EmbeddedKafkaBroker acquire(ExtensionContext context) {
    if (!shared) {
      return newBroker(context);
    }
    return context.getRoot().getStore(NAMESPACE)
        .computeIfAbsent(EmbeddedKafkaBroker.class, key -> newBroker(context), EmbeddedKafkaBroker.class);
  }

  private EmbeddedKafkaBroker newBroker(ExtensionContext context) {
    EmbeddedKafkaBroker.Builder builder = EmbeddedKafkaBroker.builder();
    context
        .getTestClass()
        .flatMap(type -> AnnotationSupport.findAnnotation(type, EmbeddedKafka.class))
        .ifPresent(annotation -> applyProperties(builder, annotation.brokerProperties()));
    configuration.accept(builder);
    return builder.build();
  }

  private static void applyProperties(EmbeddedKafkaBroker.Builder builder, String[] properties) {
    for (String property : properties) {
      int equals = property.indexOf('=');
      if (equals <= 0) {
        throw new IllegalArgumentException("broker property must be name=value: " + property);
      }
      builder.brokerProperty(property.substring(0, equals).trim(), property.substring(equals + 1).trim());
    }
  }

  private void closeBroker() {
    if (shared) {
      broker = null;
      return;
    }
    if (broker != null) {
      broker.close();
      broker = null;
    }
  }
}
