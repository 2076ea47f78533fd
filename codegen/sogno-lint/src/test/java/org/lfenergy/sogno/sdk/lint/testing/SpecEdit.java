package org.lfenergy.sogno.sdk.lint.testing;

/**
 * One edit of a spec's text, for tests that compare a spec with an edited copy (the breaking-change
 * check, SOGNO-801). Each factory fails with an {@link AssertionError} when the text lacks what it
 * edits, so a fixture that changed fails the test instead of leaving the spec unedited. This module's
 * tests and, through its test jar, those of sogno-lint-cli and sogno-maven-plugin use it.
 */
@FunctionalInterface
public interface SpecEdit {
  /** The edited text. */
  String apply(String text);

  /** This edit, then {@code next}. */
  default SpecEdit andThen(SpecEdit next) {
    return text -> next.apply(apply(text));
  }

  /** Replaces every {@code from} with {@code to}. */
  static SpecEdit edit(String from, String to) {
    return text -> text.replace(require(text, from), to);
  }

  /** Removes the text from {@code from} up to, not including, the next {@code upTo}. */
  static SpecEdit cut(String from, String upTo) {
    return text -> {
      int start = text.indexOf(require(text, from));
      int end = text.indexOf(upTo, start);
      if (end < 0) {
        throw new AssertionError("the fixture has no " + upTo + " after " + from);
      }
      return text.substring(0, start) + text.substring(end);
    };
  }

  /** Removes the text from {@code from} to the end. */
  static SpecEdit cutToEnd(String from) {
    return text -> text.substring(0, text.indexOf(require(text, from)));
  }

  private static String require(String text, String part) {
    if (!text.contains(part)) {
      throw new AssertionError("the fixture has no " + part);
    }
    return part;
  }
}
