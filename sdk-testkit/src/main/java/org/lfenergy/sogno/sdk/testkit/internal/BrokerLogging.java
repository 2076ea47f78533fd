package org.lfenergy.sogno.sdk.testkit.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Sets the level of Kafka's loggers in this JVM ({@code kafka}, {@code org.apache.kafka}, {@code
 * state.change.logger}), so an embedded broker does not print thousands of INFO lines. Works with the
 * SLF4J backends tests use: slf4j-simple (for loggers not created yet), Logback and Log4j 2, through
 * reflection so none of them is needed. A default level leaves loggers the application configured
 * alone; an explicit one (builder or system property) wins.
 */
public final class BrokerLogging {
  /** System property naming the level, e.g. {@code -Dsogno.testkit.kafka.log-level=INFO}. */
  public static final String PROPERTY = "sogno.testkit.kafka.log-level";
  public static final String DEFAULT_LEVEL = "WARN";
  public static final Set<String> LEVELS = Set.of("OFF", "ERROR", "WARN", "INFO", "DEBUG", "TRACE");
  private static final List<String> LOGGERS = List.of("kafka", "org.apache.kafka", "state.change.logger");

  private BrokerLogging() {}

  /**
   * The level to use: {@code configured} (the builder's) if set, else the system property, else
   * {@value #DEFAULT_LEVEL}.
   *
   * @throws IllegalArgumentException if the chosen level is not one of {@link #LEVELS}
   */
  public static String level(String configured) {
    String level = configured != null ? configured : System.getProperty(PROPERTY);
    return level == null ? DEFAULT_LEVEL : checked(level, configured != null ? "logLevel" : PROPERTY);
  }

  /**
   * Upper-cased {@code level}.
   *
   * @throws IllegalArgumentException naming {@code setting} if it is not a level
   */
  public static String checked(String level, String setting) {
    String upper = level.trim().toUpperCase(Locale.ROOT);
    if (!LEVELS.contains(upper)) {
      throw new IllegalArgumentException(setting + " must be one of " + LEVELS + ": " + level);
    }
    return upper;
  }

  /** Applies {@code level}; {@code explicit} overrides what the application configured. */
  public static void apply(String level, boolean explicit) {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    String backend = factory.getClass().getName();
    for (String name : LOGGERS) {
      try {
        if (backend.equals("org.slf4j.simple.SimpleLoggerFactory")) {
          String property = "org.slf4j.simpleLogger.log." + name;
          if (explicit || System.getProperty(property) == null) {
            System.setProperty(property, level.toLowerCase(Locale.ROOT));
          }
        } else if (backend.equals("ch.qos.logback.classic.LoggerContext")) {
          Object logger = factory.getLogger(name);
          if (explicit || logger.getClass().getMethod("getLevel").invoke(logger) == null) {
            Class<?> levels = Class.forName("ch.qos.logback.classic.Level", true, logger.getClass().getClassLoader());
            logger.getClass().getMethod("setLevel", levels)
                .invoke(logger, levels.getMethod("toLevel", String.class).invoke(null, level));
          }
        } else if (backend.equals("org.apache.logging.slf4j.Log4jLoggerFactory")) {
          ClassLoader loader = factory.getClass().getClassLoader();
          Class<?> levels = Class.forName("org.apache.logging.log4j.Level", true, loader);
          Class.forName("org.apache.logging.log4j.core.config.Configurator", true, loader)
              .getMethod("setLevel", String.class, levels)
              .invoke(null, name, levels.getMethod("toLevel", String.class).invoke(null, level));
        }
      } catch (ReflectiveOperationException | LinkageError e) {
        LoggerFactory.getLogger(BrokerLogging.class).debug("Cannot set the level of {}: {}", name, e.toString());
      }
    }
  }
}
