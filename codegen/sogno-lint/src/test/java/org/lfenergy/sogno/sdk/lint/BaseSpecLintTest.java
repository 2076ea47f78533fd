package org.lfenergy.sogno.sdk.lint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lfenergy.sogno.sdk.spec.BaseSpec;

class BaseSpecLintTest {

    @Test
    void baseSpecPassesTheLinterWithoutActiveFindings() {
        LintReport report = Linter.builder().failOn(Level.MAY).build().lint("openapi.yaml", BaseSpec.text());

        assertThat(report.activeFindings()).isEmpty();
        assertThat(report.failed()).isFalse();
    }

    @Test
    void baseSpecDeclaresItsTwoDeviationsWithReasons() {
        LintReport report = Linter.defaults().lint("openapi.yaml", BaseSpec.text());

        assertThat(report.suppressedFindings()).extracting(Finding::ruleId).containsOnly("SOGNO-104", "SOGNO-603");
        assertThat(report.suppressedFindings()).allSatisfy(f -> assertThat(f.suppression()).isPresent());
    }
}
