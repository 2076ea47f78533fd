package org.lfenergy.sogno.sdk.maven;

import org.apache.maven.plugin.logging.Log;
import org.lfenergy.sogno.sdk.lint.Finding;
import org.lfenergy.sogno.sdk.lint.LintReport;

/** Prints a report one finding per line: failing ones as errors, suppressed ones as info, the rest as warnings. */
final class FindingLines {
  private FindingLines() {}

  static void print(Log log, LintReport report) {
    for (Finding finding : report.findings()) {
      String line = finding.format(); // folds multi-line parser messages
      if (report.failures().contains(finding)) {
        log.error(line);
      } else if (finding.isSuppressed()) {
        log.info(line);
      } else {
        log.warn(line);
      }
    }
    log.info(report.summary());
  }
}
