package org.labelcritic.app.cli;

import org.labelcritic.model.Problem;
import org.labelcritic.model.importing.ImportReport;

/** Prints an import report the same way for every importer, and picks the exit code. */
final class Reports {
  /** How many problems are printed before the rest are only counted. */
  static final int PRINTED_PROBLEMS = 50;

  private Reports() {}

  static int print(Console console, ImportReport report) {
    int shown = 0;
    for (Problem p : report.problems()) {
      if (shown++ == PRINTED_PROBLEMS) {
        break;
      }
      console.error("problem: " + p.message());
    }
    if (report.problemCount() > PRINTED_PROBLEMS) {
      console.error("... and " + (report.problemCount() - PRINTED_PROBLEMS) + " more problems");
    }
    console.println(report.summary());
    return report.clean() ? ExitCodes.OK : ExitCodes.PROBLEMS;
  }
}
