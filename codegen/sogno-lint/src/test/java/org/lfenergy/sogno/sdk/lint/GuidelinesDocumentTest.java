package org.lfenergy.sogno.sdk.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The guidelines document and the linter agree on which rules exist, their levels and which are checked. */
class GuidelinesDocumentTest {

    private static final Path GUIDELINES = Path.of("../../docs/api-guidelines.md");
    private static final Pattern INDEX_ROW = Pattern.compile(
            "^\\| \\[(SOGNO-\\d+)]\\(#sogno-\\d+\\) \\| (MUST|SHOULD|MAY) \\| .* \\| (checked|review) \\|$",
            Pattern.MULTILINE);

    @Test
    void everyLinterRuleHasASectionWithAnchorAndTheSameLevel() throws IOException {
        String text = Files.readString(GUIDELINES);

        assertThat(Linter.rules()).allSatisfy(rule -> {
            assertThat(text).contains("<a id=\"" + rule.id().toLowerCase(java.util.Locale.ROOT) + "\"></a>");
            assertThat(text).contains("### " + rule.id() + " " + rule.level() + " — ");
        });
    }

    @Test
    void everyLinterRuleSectionSaysTheLinterChecksIt() throws IOException {
        String text = Files.readString(GUIDELINES);

        assertThat(Linter.rules()).allSatisfy(rule -> {
            int start = text.indexOf("### " + rule.id() + " ");
            int end = text.length();
            for (String heading : new String[] {"\n## ", "\n### "}) {
                int next = text.indexOf(heading, start + 4);
                end = next < 0 ? end : Math.min(end, next);
            }
            String section = text.substring(start, end);
            assertThat(section).as(rule.id()).contains("Linter: checked").doesNotContain("Linter: review");
        });
    }

    @Test
    void theIndexMarksExactlyTheLinterRulesAsChecked() throws IOException {
        Matcher rows = INDEX_ROW.matcher(Files.readString(GUIDELINES));
        java.util.Map<String, String> levels = new java.util.HashMap<>();
        java.util.Set<String> checked = new java.util.TreeSet<>();
        while (rows.find()) {
            levels.put(rows.group(1), rows.group(2));
            if (rows.group(3).equals("checked")) {
                checked.add(rows.group(1));
            }
        }

        Set<String> linted = Linter.rules().stream().map(RuleInfo::id).collect(Collectors.toCollection(java.util.TreeSet::new));
        linted.add(SpecCompatibility.RULE.id()); // checked by comparing two versions, not by linting one
        assertThat(checked).isEqualTo(linted);
        assertThat(Linter.rules()).allSatisfy(rule -> assertThat(levels).containsEntry(rule.id(), rule.level().name()));
    }
}
