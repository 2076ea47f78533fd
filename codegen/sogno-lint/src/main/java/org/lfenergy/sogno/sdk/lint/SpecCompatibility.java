package org.lfenergy.sogno.sdk.lint;

import io.swagger.v3.oas.models.OpenAPI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lfenergy.sogno.sdk.lint.internal.SourceIndex;
import org.lfenergy.sogno.sdk.lint.internal.compat.SpecDiff;

/**
 * The breaking-change check of SOGNO-801: compares a spec with its previous version and reports each
 * change that breaks a client written against the previous one, located in the file where it shows
 * (a removal in the previous spec, anything else in the current one).
 *
 * <p>Breaking: a removed path, operation, response or response body member; a new required parameter,
 * request body or request member; a request type, format, enum or bound narrowed; a response type or
 * format widened; a credential the previous version accepted no longer enough. Not breaking: new
 * operations, optional parameters and members, more enum values in responses (SOGNO-401).
 *
 * <p>Within one major {@code info.version} each change is a {@link Level#MUST} finding; when the
 * major version grew, the same changes are reported at {@link Level#MAY}, so they are listed but
 * never fail a build. A spec that does not load gives its loading findings instead.
 *
 * <p>Immutable and thread-safe.
 */
public final class SpecCompatibility {
    /** The rule this check reports under. */
    public static final RuleInfo RULE = new RuleInfo("SOGNO-801", Level.MUST,
            "Within a major version, only backward-compatible changes");
    private static final Pattern MAJOR = Pattern.compile("^\\s*v?(\\d{1,9})");

    private final SpecLoader loader;

    private SpecCompatibility(SpecLoader loader) {
        this.loader = loader;
    }

    /** A check that loads specs with {@link SpecLoader#defaults()}. */
    public static SpecCompatibility defaults() {
        return new SpecCompatibility(SpecLoader.defaults());
    }

    /**
     * A check that loads specs with {@code loader}.
     *
     * @throws NullPointerException if {@code loader} is null
     */
    public static SpecCompatibility using(SpecLoader loader) {
        return new SpecCompatibility(Objects.requireNonNull(loader, "loader"));
    }

    /**
     * Compares two spec files.
     *
     * @return a report on {@code current} that {@linkplain LintReport#failed() fails} on a breaking
     *     change within one major version, or on a spec that does not load
     * @throws NullPointerException if an argument is null
     */
    public LintReport compare(Path previous, Path current) {
        return compare(loader.load(Objects.requireNonNull(previous, "previous")),
                loader.load(Objects.requireNonNull(current, "current")));
    }

    /**
     * Compares two loaded specs.
     *
     * @throws NullPointerException if an argument is null
     */
    public LintReport compare(LoadedSpec previous, LoadedSpec current) {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(current, "current");
        List<RuleInfo> rules = List.of(RULE, Linter.rules().stream().filter(r -> r.id().equals("SOGNO-101"))
                .findFirst().orElseThrow());
        Optional<OpenAPI> before = previous.openApi();
        Optional<OpenAPI> after = current.openApi();
        if (before.isEmpty() || after.isEmpty() || !previous.findings().isEmpty() || !current.findings().isEmpty()) {
            List<Finding> loading = new ArrayList<>(previous.findings());
            loading.addAll(current.findings());
            if (loading.isEmpty()) {
                loading.add(new Finding("SOGNO-101", Level.MUST, "Not an OpenAPI document; only OpenAPI specs"
                        + " are compared", before.isEmpty() ? previous.fileName() : current.fileName(), 1, 1, ""));
            }
            return new LintReport(current.fileName(), loading, Level.MUST, rules);
        }
        Optional<Integer> majorBefore = major(before.get());
        Optional<Integer> majorAfter = major(after.get());
        boolean newMajor = majorBefore.isPresent() && majorAfter.isPresent() && majorAfter.get() > majorBefore.get();
        String suffix = newMajor ? " (allowed: major version " + majorBefore.get() + " -> " + majorAfter.get() + ")"
                : "; within major version " + majorAfter.map(String::valueOf).orElse("?")
                + " only compatible changes are allowed";
        List<Finding> findings = new ArrayList<>();
        for (SpecDiff.Change change : SpecDiff.between(before.get(), after.get())) {
            LoadedSpec where = change.inPrevious() ? previous : current;
            SourceIndex.Position position = where.index().locate(change.pointer());
            findings.add(new Finding(RULE.id(), newMajor ? Level.MAY : Level.MUST, change.message() + suffix,
                    where.fileName(), position.line(), position.column(), change.pointer()));
        }
        return new LintReport(current.fileName(), findings, Level.MUST, rules);
    }

    private static Optional<Integer> major(OpenAPI api) {
        String version = api.getInfo() == null ? null : api.getInfo().getVersion();
        Matcher matcher = version == null ? null : MAJOR.matcher(version);
        return matcher != null && matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

}
