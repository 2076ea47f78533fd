package org.lfenergy.sogno.sdk.lint;

import java.util.Objects;
import java.util.Optional;

/**
 * One divergence of a spec from the SOGNO API guidelines, or a problem loading the spec.
 *
 * <p>{@code line} and {@code column} are 1-based positions in the source file the user wrote (for a
 * converted Swagger 2.0 file, the nearest element of that file). {@code pointer} is the RFC 6901
 * JSON pointer of the element in the OpenAPI 3 form of the document ({@code ""} for the document).
 * A finding that an {@code x-sogno-lint-ignore} entry covers carries its reason in
 * {@link #suppression()} and never fails a build.
 *
 * <p>Immutable and thread-safe.
 */
public final class Finding {

    private final String ruleId;
    private final Level level;
    private final String message;
    private final String file;
    private final int line;
    private final int column;
    private final String pointer;
    private final String suppression;

    /**
     * Creates a finding.
     *
     * @throws NullPointerException if {@code ruleId}, {@code level}, {@code message}, {@code file} or
     *     {@code pointer} is null
     * @throws IllegalArgumentException if {@code line} or {@code column} is below 1
     */
    public Finding(String ruleId, Level level, String message, String file, int line, int column, String pointer) {
        this(ruleId, level, message, file, line, column, pointer, null);
    }

    private Finding(String ruleId, Level level, String message, String file, int line, int column, String pointer,
            String suppression) {
        this.ruleId = Objects.requireNonNull(ruleId, "ruleId");
        this.level = Objects.requireNonNull(level, "level");
        this.message = Objects.requireNonNull(message, "message");
        this.file = Objects.requireNonNull(file, "file");
        this.pointer = Objects.requireNonNull(pointer, "pointer");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
        this.line = line;
        this.column = column;
        this.suppression = suppression;
    }

    /** Returns a copy marked as suppressed by an {@code x-sogno-lint-ignore} entry with this reason. */
    public Finding suppressed(String reason) {
        return new Finding(ruleId, level, message, file, line, column, pointer, Objects.requireNonNull(reason));
    }

    /** The guideline rule's ID, e.g. {@code SOGNO-200}. */
    public String ruleId() {
        return ruleId;
    }

    /** The rule's level. */
    public Level level() {
        return level;
    }

    /** What is wrong and how to fix it, in one sentence or two. */
    public String message() {
        return message;
    }

    /** The source file as the caller named it. */
    public String file() {
        return file;
    }

    /** 1-based line in {@link #file()}. */
    public int line() {
        return line;
    }

    /** 1-based column in {@link #file()}. */
    public int column() {
        return column;
    }

    /** JSON pointer of the element in the OpenAPI 3 form of the document. */
    public String pointer() {
        return pointer;
    }

    /** The reason of the {@code x-sogno-lint-ignore} entry covering this finding, if any. */
    public Optional<String> suppression() {
        return Optional.ofNullable(suppression);
    }

    /** Tells whether an {@code x-sogno-lint-ignore} entry covers this finding. */
    public boolean isSuppressed() {
        return suppression != null;
    }

    /**
     * The one-line form {@code RULE-ID LEVEL file:line message}, plus the reason when suppressed.
     * Line breaks inside the message (parser messages carry them) are folded into single spaces, so
     * every finding stays one line for build logs and grep.
     */
    public String format() {
        String text = ruleId + " " + level + " " + file + ":" + line + " " + oneLine(message);
        return suppression == null ? text : text + " (suppressed: " + oneLine(suppression) + ")";
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Finding f && ruleId.equals(f.ruleId) && level == f.level && message.equals(f.message)
                && file.equals(f.file) && line == f.line && column == f.column && pointer.equals(f.pointer)
                && Objects.equals(suppression, f.suppression);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ruleId, level, message, file, line, column, pointer, suppression);
    }

    @Override
    public String toString() {
        return format();
    }
}
