package org.lfenergy.sogno.sdk.lint;

/**
 * How binding a guideline rule is, in RFC 2119 terms, ordered from the strictest.
 *
 * <p>The linter fails a build when a finding's level is at or above its threshold
 * ({@link #MUST} by default).
 */
public enum Level {
    /** An absolute requirement; a violation breaks clients or the platform's operation. */
    MUST,
    /** A strong recommendation; deviate only for a reason written down in the spec. */
    SHOULD,
    /** Optional; reported for information. */
    MAY;

    /**
     * Tells whether this level is at least as strict as {@code threshold}
     * ({@code MUST.isAtLeast(SHOULD)} is true).
     */
    public boolean isAtLeast(Level threshold) {
        return compareTo(threshold) <= 0;
    }

    /**
     * Parses a level name case-insensitively.
     *
     * @throws IllegalArgumentException naming the accepted values when {@code name} is none of them
     */
    public static Level parse(String name) {
        for (Level level : values()) {
            if (level.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return level;
            }
        }
        throw new IllegalArgumentException("Unknown level '" + name + "': use MUST, SHOULD or MAY");
    }
}
