package org.lfenergy.sogno.sdk.lint.internal.rules;

import org.lfenergy.sogno.sdk.lint.Level;
import org.lfenergy.sogno.sdk.lint.RuleInfo;

/**
 * One guideline rule the linter checks. Subclasses are stateless: {@link #check} reports through
 * the context and keeps nothing, so one instance serves any number of concurrent runs.
 */
public abstract class Rule {

    private final RuleInfo info;

    protected Rule(String id, Level level, String title) {
        this.info = new RuleInfo(id, level, title);
    }

    /** The rule's ID, level and title. */
    public final RuleInfo info() {
        return info;
    }

    /** Reports every violation of this rule in the context's document. Must not throw for any model. */
    public abstract void check(LintContext context);
}
