package org.lfenergy.sogno.sdk.lint.internal.rules;

import java.util.List;

/** The registry of the rules the linter runs, in guideline order. */
public final class Rules {

    private static final List<Rule> ALL = List.of(
            new OpenApiVersion(),
            new InfoMetadata(),
            new OperationIds(),
            new ReuseBaseDefinitions(),
            new VersionedPaths(),
            new PathSegmentCasing(),
            new StringIdentifiers(),
            new ParameterCasing(),
            new MethodSemantics(),
            new ProblemJson(),
            new ErrorResponsesDocumented(),
            new StatusSemantics(),
            new PropertyCasing(),
            new EnumValueCasing(),
            new DateTimeFormat(),
            new IntegerFormats(),
            new TopLevelObjects(),
            new Pagination(),
            new PageShape(),
            new LongRunningAsync(),
            new AsyncResponse(),
            new PreferHeader(),
            new IdempotencyKey(),
            new SecurityApplied(),
            new SecuritySchemes(),
            new SemanticVersion());

    private Rules() {
    }

    /** Every rule; instances are stateless and shared. */
    public static List<Rule> all() {
        return ALL;
    }
}
