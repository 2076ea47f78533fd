package org.lfenergy.sogno.sdk.lint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.lfenergy.sogno.sdk.lint.internal.SourceIndex;
import org.lfenergy.sogno.sdk.lint.internal.Suppressions;
import org.lfenergy.sogno.sdk.lint.internal.events.EventRules;
import org.lfenergy.sogno.sdk.lint.internal.rules.LintContext;
import org.lfenergy.sogno.sdk.lint.internal.rules.Rule;
import org.lfenergy.sogno.sdk.lint.internal.rules.Rules;

/**
 * Checks OpenAPI specs against the SOGNO API guidelines ({@code docs/api-guidelines.md}), and
 * AsyncAPI 2.x/3.0 documents against its events rules (SOGNO-900 to 904); each finding's rule ID is
 * the guideline's ID.
 *
 * <pre>{@code
 * LintReport report = Linter.defaults().lint(Path.of("src/main/openapi/powerflow.yaml"));
 * report.lines().forEach(System.out::println);   // SOGNO-200 MUST powerflow.yaml:12 ...
 * report.writeSarif(Path.of("target/sogno-lint.sarif"));
 * if (report.failed()) { ... }                    // some MUST finding not suppressed
 * }</pre>
 *
 * <p>Never throws for bad input: unreadable or malformed specs give {@code SOGNO-101} findings
 * with a location. Immutable and thread-safe; one instance can lint many specs concurrently.
 */
public final class Linter {

    /** The rule ID of malformed {@code x-sogno-lint-ignore} entries. */
    public static final String SUPPRESSION_RULE_ID = "SOGNO-001";

    private static final RuleInfo SUPPRESSION_RULE = new RuleInfo(SUPPRESSION_RULE_ID, Level.MUST,
            "Deviations are declared with x-sogno-lint-ignore entries naming a rule and a reason");
    private static final RuleInfo LOAD_RULE = new RuleInfo(SpecLoader.LOAD_RULE_ID, Level.MUST,
            "The spec is a valid, self-contained OpenAPI document");
    private static final Linter DEFAULTS = builder().build();

    private final SpecLoader loader;
    private final Level threshold;
    private final Set<String> disabled;

    private Linter(Builder builder) {
        this.loader = builder.loader;
        this.threshold = builder.threshold;
        this.disabled = Set.copyOf(builder.disabled);
    }

    /** A linter that fails on MUST findings and checks every rule. */
    public static Linter defaults() {
        return DEFAULTS;
    }

    /** Starts a linter configuration. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every rule the linter knows, by ID, including the loading and suppression rules. */
    public static List<RuleInfo> rules() {
        List<RuleInfo> rules = new ArrayList<>();
        rules.add(SUPPRESSION_RULE);
        rules.add(LOAD_RULE);
        Rules.all().forEach(rule -> rules.add(rule.info()));
        EventRules.all().forEach(rule -> rules.add(rule.info()));
        rules.sort(Comparator.comparing(r -> Integer.parseInt(r.id().substring("SOGNO-".length()))));
        return List.copyOf(rules);
    }

    /** Loads and lints a spec file. */
    public LintReport lint(Path file) {
        return lint(loader.load(file));
    }

    /** Loads and lints a spec given as text; {@code fileName} is what findings call it. */
    public LintReport lint(String fileName, String content) {
        return lint(loader.load(fileName, content));
    }

    /** Lints a loaded spec; its load findings are part of the report. */
    public LintReport lint(LoadedSpec spec) {
        Objects.requireNonNull(spec, "spec");
        List<Finding> findings = new ArrayList<>(spec.findings());
        SourceIndex index = spec.index();
        spec.openApi().ifPresent(api -> {
            LintContext context = new LintContext(api, spec.sourceVersion(), spec.baseComponents(), spec.basePaths());
            for (Rule rule : Rules.all()) {
                if (!disabled.contains(rule.info().id())) {
                    runRule(rule, context);
                }
            }
            locate(context.findings(), spec, findings);
        });
        if (spec.isAsyncApi() && spec.findings().isEmpty()) {
            locate(EventRules.check(spec.sourceTree(), disabled), spec, findings);
        }
        Set<String> known = rules().stream().map(RuleInfo::id).collect(Collectors.toSet());
        Suppressions suppressions = Suppressions.collect(spec.sourceTree(), spec.convertedFromSwagger2(), known);
        List<Finding> result = new ArrayList<>();
        for (Finding finding : new LinkedHashSet<>(findings)) {
            if (disabled.contains(finding.ruleId())) {
                continue;
            }
            String reason = suppressions.reasonFor(finding.ruleId(), finding.pointer());
            result.add(reason == null ? finding : finding.suppressed(reason));
        }
        for (Suppressions.Problem problem : suppressions.problems()) {
            SourceIndex.Position at = index.locate(problem.sourcePointer());
            // A source pointer: locate() only rewrites '/components/...', which a Swagger 2.0 source never has.
            result.add(new Finding(SUPPRESSION_RULE_ID, Level.MUST, problem.message(), spec.fileName(), at.line(),
                    at.column(), problem.sourcePointer()));
        }
        result.sort(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column)
                .thenComparing(Finding::ruleId).thenComparing(Finding::message));
        return new LintReport(spec.fileName(), result, threshold, rules());
    }

    private static void locate(List<LintContext.RawFinding> raws, LoadedSpec spec, List<Finding> findings) {
        for (LintContext.RawFinding raw : raws) {
            SourceIndex.Position at = spec.index().locate(raw.pointer());
            findings.add(new Finding(raw.rule().id(), raw.rule().level(), raw.message(), spec.fileName(),
                    at.line(), at.column(), raw.pointer()));
        }
    }

    private static void runRule(Rule rule, LintContext context) {
        try {
            rule.check(context);
        } catch (RuntimeException e) {
            context.report(rule, "", rule.info().id() + " could not check this document (" + e
                    + "); this is a linter bug, please report it with the spec");
        }
    }

    /** Configures a {@link Linter}. Not thread-safe; {@link #build()} copies the settings. */
    public static final class Builder {
        private SpecLoader loader = SpecLoader.defaults();
        private Level threshold = Level.MUST;
        private final Set<String> disabled = new LinkedHashSet<>();

        private Builder() {
        }

        /** The level at or above which an active finding fails the build ({@link Level#MUST} by default). */
        public Builder failOn(Level level) {
            this.threshold = Objects.requireNonNull(level, "level; use neverFail() to report only");
            return this;
        }

        /** Reports findings without ever failing ({@link LintReport#failed()} stays false). */
        public Builder neverFail() {
            this.threshold = null;
            return this;
        }

        /**
         * Turns rules off for every spec (prefer {@code x-sogno-lint-ignore} with a reason in the spec).
         *
         * @throws IllegalArgumentException for an unknown rule ID
         */
        public Builder disable(String... ruleIds) {
            Set<String> known = rules().stream().map(RuleInfo::id).collect(Collectors.toSet());
            for (String id : ruleIds) {
                if (!known.contains(id)) {
                    throw new IllegalArgumentException("Unknown rule '" + id + "'; known rules: " + new java.util.TreeSet<>(known));
                }
                disabled.add(id);
            }
            return this;
        }

        /** The loader to read specs with ({@link SpecLoader#defaults()} by default). */
        public Builder loader(SpecLoader loader) {
            this.loader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /** Builds the linter. */
        public Linter build() {
            return new Linter(this);
        }
    }
}
