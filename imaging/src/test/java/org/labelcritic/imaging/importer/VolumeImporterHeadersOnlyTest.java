package org.labelcritic.imaging.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.imaging.nifti.NiftiHeaderReader;
import org.labelcritic.model.importing.ImportReport;
import org.labelcritic.model.job.Progress;
import org.labelcritic.model.store.Store;

/**
 * Import reads headers only: a CT and a mask whose voxel data cannot be inflated (real headers,
 * broken deflate data after them) import cleanly, which they could not if any voxel were decoded.
 */
class VolumeImporterHeadersOnlyTest {
  @TempDir Path dir;

  @Test
  void importDecodesNoVoxels() throws Exception {
    Path demo = DemoVolumes.ROOT;
    Path images = dir.resolve("images");
    Path source = dir.resolve("sources/lazy");
    Path ct =
        NiftiBytes.of(demo.resolve("images/example-ct-sm/ct.nii.gz"))
            .writeWithUndecodableVoxels(images.resolve("case-1/ct.nii.gz"));
    Path liver =
        NiftiBytes.of(demo.resolve("sources/ts-v2-fast/example-ct-sm/segmentations/liver.nii.gz"))
            .writeWithUndecodableVoxels(source.resolve("case-1/segmentations/liver.nii.gz"));
    // The files really are undecodable past the header.
    for (Path f : List.of(ct, liver)) {
      assertThatThrownBy(() -> inflateAll(f)).as(f.toString()).isInstanceOf(IOException.class);
    }

    Path db = dir.resolve("lazy.db");
    ImportReport report;
    try (Store store = Store.open(db)) {
      report =
          new VolumeImporter(store, new NiftiHeaderReader())
              .importVolumes(
                  DemoVolumes.request(images, Map.of("lazy", source), false), Progress.none());
    }

    assertThat(report.problems()).isEmpty();
    assertThat(report.clean()).as(report.summary()).isTrue();
    assertThat(StoredRows.candidates(db))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.structure()).isEqualTo("liver");
              assertThat(c.sha256()).isEqualTo(VolumeImporterDemoTest.sha256(liver));
            });
    assertThat(StoredRows.items(db).getFirst().geometry()).contains("[122,101,30]");
  }

  private static void inflateAll(Path f) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
  }
}
