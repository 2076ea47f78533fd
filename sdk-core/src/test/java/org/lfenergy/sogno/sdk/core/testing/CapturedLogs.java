package org.lfenergy.sogno.sdk.core.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures what one SLF4J logger writes (through the test binding, Logback), from a level up; closing
 * it detaches the capture and restores the logger's level. Lines may be written by other threads
 * while a test reads them.
 */
public final class CapturedLogs implements AutoCloseable {
  private final Logger logger;
  private final Level previous;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private CapturedLogs(String loggerName, Level level) {
    this.logger = (Logger) LoggerFactory.getLogger(loggerName);
    this.previous = logger.getLevel();
    logger.setLevel(level);
    appender.start();
    logger.addAppender(appender);
  }

  /** Starts capturing {@code loggerName} at {@code level} and above. */
  public static CapturedLogs of(String loggerName, Level level) {
    return new CapturedLogs(loggerName, level);
  }

  /** The formatted lines logged at {@code level} so far. */
  public List<String> lines(Level level) {
    List<ILoggingEvent> events;
    synchronized (appender) { // the appender adds under its own lock
      events = List.copyOf(appender.list);
    }
    return events.stream().filter(event -> event.getLevel() == level).map(ILoggingEvent::getFormattedMessage)
        .toList();
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
    logger.setLevel(previous);
  }
}
