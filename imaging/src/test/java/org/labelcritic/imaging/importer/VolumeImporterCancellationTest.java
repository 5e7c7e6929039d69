package org.labelcritic.imaging.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.imaging.nifti.NiftiHeaderReader;
import org.labelcritic.model.importing.ImportReport;
import org.labelcritic.model.job.Progress;
import org.labelcritic.model.store.Store;

/** Cancelling stops between cases; what was imported before stays committed. */
class VolumeImporterCancellationTest {
  @TempDir Path dir;

  /** Cancelled once {@code after} units of work were reported done. */
  static final class CancelAfter implements Progress {
    final long after;
    final AtomicLong done = new AtomicLong();

    CancelAfter(long after) {
      this.after = after;
    }

    @Override
    public void update(long done, long total) {
      this.done.set(done);
    }

    @Override
    public void message(String message) {}

    @Override
    public boolean isCancelled() {
      return done.get() >= after;
    }
  }

  @Test
  void cancelAfterFirstCaseKeepsThatCaseAndMarksReportCancelled() throws Exception {
    Path db = dir.resolve("demo.db");
    ImportReport report;
    try (Store store = Store.open(db)) {
      report =
          new VolumeImporter(store, new NiftiHeaderReader())
              .importVolumes(DemoVolumes.request(DemoVolumes.ROOT), new CancelAfter(1));
      assertThat(store.queries().status().items()).isEqualTo(1);
      assertThat(store.queries().status().candidates()).isEqualTo(4);
    }

    assertThat(report.cancelled()).isTrue();
    assertThat(report.clean()).isFalse();
    assertThat(report.summary()).contains("cancelled");
    assertThat(report.get("cases created")).isEqualTo(1);
    // Cases are imported in name order: aorta-crop first, with its four aorta candidates.
    assertThat(StoredRows.items(db))
        .extracting(StoredRows.ItemRow::externalId)
        .containsExactly("aorta-crop");
    assertThat(StoredRows.candidates(db))
        .extracting(StoredRows.CandidateRow::source)
        .containsExactlyInAnyOrder(
            "ts-total", "ts-T264", "ts-T710-renal-arteries", "ts-T716-aorta-lumen");
  }

  @Test
  void cancelBeforeStartImportsNothing() throws Exception {
    Path db = dir.resolve("demo.db");
    ImportReport report;
    try (Store store = Store.open(db)) {
      report =
          new VolumeImporter(store, new NiftiHeaderReader())
              .importVolumes(DemoVolumes.request(DemoVolumes.ROOT), new CancelAfter(0));
    }

    assertThat(report.cancelled()).isTrue();
    assertThat(StoredRows.items(db)).isEmpty();
    assertThat(StoredRows.candidates(db)).isEmpty();
  }
}
