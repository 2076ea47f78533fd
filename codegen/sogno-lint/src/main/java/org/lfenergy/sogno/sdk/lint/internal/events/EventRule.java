package org.lfenergy.sogno.sdk.lint.internal.events;

import org.lfenergy.sogno.sdk.lint.Level;
import org.lfenergy.sogno.sdk.lint.RuleInfo;

/**
 * One events rule (SOGNO-9xx) checked on AsyncAPI documents. Subclasses are stateless: {@link #check}
 * reports through the document and keeps nothing, so one instance serves concurrent runs.
 */
public abstract class EventRule {

    private final RuleInfo info;

    protected EventRule(String id, Level level, String title) {
        this.info = new RuleInfo(id, level, title);
    }

    /** The rule's ID, level and title. */
    public final RuleInfo info() {
        return info;
    }

    /** Reports every violation of this rule in the document. Must not throw for any tree. */
    public abstract void check(AsyncApiDocument document);

    /** Reports a violation at {@code pointer}. */
    protected final void report(AsyncApiDocument document, String pointer, String message) {
        document.report(info, pointer, message);
    }
}
