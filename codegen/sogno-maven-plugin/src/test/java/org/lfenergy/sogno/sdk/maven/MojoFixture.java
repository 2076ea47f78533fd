package org.lfenergy.sogno.sdk.maven;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** Sets a mojo's parameters the way Maven injects them, and records what a goal logs. */
final class MojoFixture {
  private MojoFixture() {}

  /** Sets the parameter field {@code field}, declared by the mojo's class or one it extends. */
  static <T> T with(T mojo, String field, Object value) {
    for (Class<?> type = mojo.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field target = type.getDeclaredField(field);
        target.setAccessible(true);
        target.set(mojo, value);
        return mojo;
      } catch (NoSuchFieldException e) {
        // declared further up, if at all
      } catch (ReflectiveOperationException e) {
        throw new AssertionError("Cannot set " + field + " on " + mojo.getClass().getSimpleName(), e);
      }
    }
    throw new AssertionError("No parameter " + field + " on " + mojo.getClass().getSimpleName());
  }

  /** A log that keeps each line as {@code [LEVEL] message}, like Maven prints it. */
  static final class RecordingLog extends SystemStreamLog {
    final List<String> lines = new ArrayList<>();

    @Override
    public void info(CharSequence content) {
      lines.add("[INFO] " + content);
    }

    @Override
    public void warn(CharSequence content) {
      lines.add("[WARNING] " + content);
    }

    @Override
    public void error(CharSequence content) {
      lines.add("[ERROR] " + content);
    }
  }
}
