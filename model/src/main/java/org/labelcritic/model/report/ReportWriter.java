package org.labelcritic.model.report;

import java.nio.file.Path;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.store.AuditLog;
import org.labelcritic.model.store.Store;

/**
 * Reads the summary, writes the HTML report and audits it as an export: one call for CLI and menu.
 */
public final class ReportWriter {
  private ReportWriter() {}

  /**
   * @param by who asked (for the audit log)
   * @return the summary the report shows
   */
  public static DatasetSummary write(Store store, Path out, String by) throws LabelCriticException {
    DatasetSummary s = new DatasetSummaries(store).read();
    HtmlReport.write(s, out);
    new AuditLog(store)
        .record(by, AuditLog.Kind.EXPORT, "report to " + out.toAbsolutePath().normalize());
    return s;
  }
}
