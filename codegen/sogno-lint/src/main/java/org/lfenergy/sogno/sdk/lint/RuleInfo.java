package org.lfenergy.sogno.sdk.lint;

import java.util.Objects;

/**
 * A guideline rule the linter checks: its stable ID, its level and a one-line title. The rule's
 * full text, reason and examples are in the guidelines at {@link #guidelineUrl()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class RuleInfo {

    /** Where the guidelines are published; each rule has the anchor {@code #sogno-<number>}. */
    public static final String GUIDELINES_URL =
            "https://github.com/sogno-platform/sogno-java-sdk/blob/main/docs/api-guidelines.md";

    private final String id;
    private final Level level;
    private final String title;

    /**
     * Creates a rule description.
     *
     * @throws IllegalArgumentException if {@code id} is not of the form {@code SOGNO-<digits>}
     */
    public RuleInfo(String id, Level level, String title) {
        if (id == null || !id.matches("SOGNO-\\d+")) {
            throw new IllegalArgumentException("Rule IDs look like SOGNO-200, not " + id);
        }
        this.id = id;
        this.level = Objects.requireNonNull(level, "level");
        this.title = Objects.requireNonNull(title, "title");
    }

    /** The stable ID, e.g. {@code SOGNO-200}. */
    public String id() {
        return id;
    }

    /** The rule's level; every finding of the rule has it. */
    public Level level() {
        return level;
    }

    /** One line saying what the rule requires. */
    public String title() {
        return title;
    }

    /** The link to the rule's section of the guidelines. */
    public String guidelineUrl() {
        return GUIDELINES_URL + "#" + id.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleInfo r && id.equals(r.id) && level == r.level && title.equals(r.title);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, level, title);
    }

    @Override
    public String toString() {
        return id + " " + level + " " + title;
    }
}
