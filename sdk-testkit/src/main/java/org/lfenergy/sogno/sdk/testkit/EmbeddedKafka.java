package org.lfenergy.sogno.sdk.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against one {@link EmbeddedKafkaBroker}, started before the first
 * test and closed after the last. Test methods, lifecycle methods and constructors receive it as
 * an {@code EmbeddedKafkaBroker} parameter.
 *
 * <pre>{@code
 * @EmbeddedKafka
 * class OrderEventsTest {
 *   @Test
 *   void publishes(EmbeddedKafkaBroker kafka) {
 *     kafka.topics().create("sogno.orders.created.v1", 3);
 *   }
 * }
 * }</pre>
 *
 * For a broker configured in code, register {@link EmbeddedKafkaExtension} on a static field
 * instead.
 *
 * <p>A broker a test left stopped is started again before the next test. A broker that does not
 * answer within its startup timeout fails the class with an {@link IllegalStateException} carrying
 * the cause; a fatal broker error fails the test instead of ending the JVM. Kafka's loggers are set to
 * {@code WARN} in the test JVM unless a level is configured.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EmbeddedKafkaExtension.class)
public @interface EmbeddedKafka {
  /** Server properties on top of the kit's defaults, each {@code name=value}. */
  String[] brokerProperties() default {};
}
