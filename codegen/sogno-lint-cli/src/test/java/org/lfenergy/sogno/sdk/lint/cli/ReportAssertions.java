package org.lfenergy.sogno.sdk.lint.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Checks that a report is well-formed in its format; shared by the in-process tests and the jar's IT. */
final class ReportAssertions {

    static final Path DPSIM = Path.of("src/test/resources/platform-specs/dpsim-api.openapi.json");
    static final Path FILE_SERVICE = Path.of("src/test/resources/platform-specs/file-service.swagger.yaml");
    static final Path SAMPLE_SERVICE = Path.of("../../samples/powerflow-service/src/main/resources/openapi.yaml");
    static final Path SDK_ASYNCAPI =
            Path.of("../../sdk-kafka/src/main/resources/META-INF/asyncapi/sogno-sdk-kafka.asyncapi.yaml");

    /** {@code ::error file=F,line=L,col=C,title=T::message}, values escaped as the runner expects. */
    static final Pattern GITHUB_COMMAND = Pattern.compile("::(error|warning|notice) file=([^,:\\r\\n]+),"
            + "line=[1-9][0-9]*,col=[1-9][0-9]*,title=SOGNO-[0-9]+ (MUST|SHOULD|MAY)::[^\\r\\n]+");

    /** {@code RULE-ID LEVEL file:line message}, as {@code Finding.format()} and the plugin print it. */
    static final Pattern TEXT_LINE = Pattern.compile("SOGNO-[0-9]+ (?:MUST|SHOULD|MAY) (.+?):[0-9]+ .+");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportAssertions() {
    }

    /**
     * Asserts the report is valid in {@code format} and covers exactly {@code specs}; returns how many
     * findings it carries.
     */
    static int assertValid(String format, String report, List<Path> specs) throws Exception {
        List<String> names = specs.stream().map(Path::toString).toList();
        return switch (format) {
            case "text" -> assertText(report, names);
            case "json" -> assertJson(report, names);
            case "sarif" -> assertSarif(report, names);
            case "junit" -> assertJunit(report, names);
            case "github" -> assertGithub(report, names);
            case "gitlab" -> assertGitlab(report, names);
            default -> throw new IllegalArgumentException(format);
        };
    }

    static int assertText(String report, List<String> specs) {
        int findings = 0;
        List<String> summaries = new ArrayList<>();
        for (String line : report.split("\n")) {
            Matcher finding = TEXT_LINE.matcher(line);
            if (finding.matches()) {
                assertThat(finding.group(1)).isIn(specs);
                findings++;
            } else {
                summaries.add(line.substring(0, line.indexOf(": ")));
            }
        }
        assertThat(summaries).isEqualTo(specs);
        return findings;
    }

    static int assertJson(String report, List<String> specs) throws Exception {
        JsonNode root = JSON.readTree(report);
        assertThat(root.path("tool").asText()).isEqualTo("sogno-lint");
        List<String> files = new ArrayList<>();
        int count = 0;
        for (JsonNode spec : root.path("specs")) {
            files.add(spec.path("file").asText());
            for (JsonNode f : spec.path("findings")) {
                assertThat(f.path("ruleId").asText()).matches("SOGNO-[0-9]+");
                assertThat(f.path("line").asInt()).isPositive();
                count++;
            }
        }
        assertThat(files).isEqualTo(specs);
        return count;
    }

    static int assertSarif(String report, List<String> specs) throws Exception {
        JsonNode root = JSON.readTree(report);
        assertThat(root.path("version").asText()).isEqualTo("2.1.0");
        JsonNode results = root.path("runs").get(0).path("results");
        assertThat(results.isArray()).isTrue();
        List<String> uris = specs.stream().map(s -> s.replace('\\', '/')).toList();
        results.forEach(r -> {
            assertThat(r.path("ruleId").asText()).matches("SOGNO-[0-9]+");
            assertThat(r.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isIn(uris);
        });
        return results.size();
    }

    static int assertJunit(String report, List<String> specs) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)));
        Element suites = document.getDocumentElement();
        assertThat(suites.getTagName()).isEqualTo("testsuites");
        NodeList suiteList = suites.getElementsByTagName("testsuite");
        List<String> names = new ArrayList<>();
        int count = 0;
        for (int i = 0; i < suiteList.getLength(); i++) {
            Element suite = (Element) suiteList.item(i);
            names.add(suite.getAttribute("name"));
            int failures = suite.getElementsByTagName("failure").getLength();
            assertThat(suite.getAttribute("failures")).isEqualTo(String.valueOf(failures));
            count += failures + suite.getElementsByTagName("skipped").getLength();
        }
        assertThat(names).isEqualTo(specs);
        return count;
    }

    static int assertGithub(String report, List<String> specs) {
        String[] lines = report.isEmpty() ? new String[0] : report.split("\n");
        for (String line : lines) {
            Matcher command = GITHUB_COMMAND.matcher(line);
            assertThat(command.matches()).as(line).isTrue();
            assertThat(command.group(2).replace("%3A", ":").replace("%2C", ",").replace("%25", "%")).isIn(specs);
        }
        return lines.length;
    }

    static int assertGitlab(String report, List<String> specs) throws Exception {
        JsonNode issues = JSON.readTree(report);
        assertThat(issues.isArray()).isTrue();
        issues.forEach(issue -> {
            assertThat(issue.path("description").asText()).isNotBlank();
            assertThat(issue.path("check_name").asText()).matches("SOGNO-[0-9]+");
            assertThat(issue.path("fingerprint").asText()).matches("[0-9a-f]{64}");
            assertThat(issue.path("severity").asText()).isIn("info", "minor", "major", "critical", "blocker");
            assertThat(issue.at("/location/path").asText()).isIn(specs);
            assertThat(issue.at("/location/lines/begin").asInt()).isPositive();
        });
        return issues.size();
    }
}
