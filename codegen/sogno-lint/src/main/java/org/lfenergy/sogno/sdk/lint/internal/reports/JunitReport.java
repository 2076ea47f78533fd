package org.lfenergy.sogno.sdk.lint.internal.reports;

import java.io.StringWriter;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.lfenergy.sogno.sdk.lint.Finding;
import org.lfenergy.sogno.sdk.lint.LintReport;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * JUnit XML for any CI: a {@code testsuite} per spec, a {@code testcase} per finding. A finding at or
 * above {@code --fail-on} is a {@code failure}; suppressed findings and findings below it are
 * {@code skipped} (shown, never failing). A spec without findings gets one passing test case.
 */
public final class JunitReport {

    private JunitReport() {
    }

    /** Renders the reports of one run of {@code tool} at {@code version}. */
    public static String render(List<LintReport> reports, String tool, String version) {
        try {
            Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Element suites = document.createElement("testsuites");
            suites.setAttribute("name", tool);
            document.appendChild(suites);
            int tests = 0;
            int failures = 0;
            for (LintReport report : reports) {
                Element suite = suite(document, report);
                suites.appendChild(suite);
                tests += Integer.parseInt(suite.getAttribute("tests"));
                failures += Integer.parseInt(suite.getAttribute("failures"));
            }
            suites.setAttribute("tests", String.valueOf(tests));
            suites.setAttribute("failures", String.valueOf(failures));
            return serialise(document);
        } catch (ParserConfigurationException | TransformerException e) {
            throw new IllegalStateException("The JDK's XML support failed: " + e, e);
        }
    }

    private static Element suite(Document document, LintReport report) {
        Element suite = document.createElement("testsuite");
        suite.setAttribute("name", report.fileName());
        List<Finding> failing = report.failures();
        int skipped = 0;
        for (Finding finding : report.findings()) {
            Element testcase = document.createElement("testcase");
            testcase.setAttribute("classname", report.fileName());
            testcase.setAttribute("name", finding.ruleId() + " " + finding.level() + " " + finding.file() + ":"
                    + finding.line());
            Element outcome = document.createElement(failing.contains(finding) ? "failure" : "skipped");
            outcome.setAttribute("message", xmlSafe(finding.message()));
            if (failing.contains(finding)) {
                outcome.setAttribute("type", finding.ruleId());
                outcome.setTextContent(xmlSafe(finding.format()));
            } else {
                skipped++;
            }
            testcase.appendChild(outcome);
            suite.appendChild(testcase);
        }
        if (report.findings().isEmpty()) {
            Element testcase = document.createElement("testcase");
            testcase.setAttribute("classname", report.fileName());
            testcase.setAttribute("name", "follows the SOGNO API guidelines");
            suite.appendChild(testcase);
        }
        suite.setAttribute("tests", String.valueOf(Math.max(1, report.findings().size())));
        suite.setAttribute("failures", String.valueOf(failing.size()));
        suite.setAttribute("errors", "0");
        suite.setAttribute("skipped", String.valueOf(skipped));
        return suite;
    }

    /** XML 1.0 cannot carry most control characters; parser messages could contain them. */
    private static String xmlSafe(String text) {
        return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F]", "?");
    }

    private static String serialise(Document document) throws TransformerException {
        Transformer transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.INDENT, "yes");
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
        StringWriter out = new StringWriter();
        transformer.transform(new DOMSource(document), new StreamResult(out));
        return out + "\n";
    }
}
