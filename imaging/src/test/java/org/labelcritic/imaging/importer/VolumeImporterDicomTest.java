package org.labelcritic.imaging.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.imaging.labels.LabelTable;
import org.labelcritic.imaging.nifti.NiftiHeaderReader;
import org.labelcritic.model.importing.ImportReport;
import org.labelcritic.model.job.Progress;
import org.labelcritic.model.store.QueueRow;
import org.labelcritic.model.store.Store;

/**
 * A PACS export imports as it is: {@code <case>/ct/} holding the real TotalSegmentator DICOM series
 * (JPEG 2000), with its TotalSegmentator masks, whose rows run the other way.
 */
class VolumeImporterDicomTest {
  static final Path SERIES = Path.of("src/test/resources/dicom-series/totalseg_ct_dicom");
  static final Path MASK =
      Path.of(
          "src/test/resources/ct-seg/totalseg-example-dicom/seg_totalseg_v2_total_fast_3mm.nii.gz");

  @TempDir Path dir;

  @Test
  void aDicomSeriesFolderImportsWithItsMasksOnTheSameGrid() throws Exception {
    Path images = dir.resolve("images");
    DemoVolumes.copyTree(SERIES, images.resolve("abdomen-dicom/ct"));
    Path source = dir.resolve("ts-v2-fast");
    Files.createDirectories(source.resolve("abdomen-dicom"));
    Files.copy(MASK, source.resolve("abdomen-dicom/total.nii.gz"));
    VolumeImportRequest request =
        new VolumeImportRequest(
            images,
            Map.of("ts-v2-fast", source),
            Map.<String, LabelTable>of(),
            null,
            DemoVolumes.structureMap());
    try (Store store = Store.open(dir.resolve("d.db"))) {
      ImportReport r =
          new VolumeImporter(store, new NiftiHeaderReader())
              .importVolumes(request, Progress.none());
      assertThat(r.problems()).isEmpty();
      assertThat(r.get("cases created")).isEqualTo(1);
      // spleen, liver, stomach, pancreas, adrenals, colon, aorta, postcava, portal vein ... all
      // on the DICOM grid: none skipped for a grid mismatch.
      assertThat(r.get("label files skipped")).isZero();
      assertThat(r.get("masks on the CT's grid in another axis order")).isEqualTo(1);
      assertThat(r.get("candidates inserted")).isGreaterThanOrEqualTo(10);
      QueueRow liver =
          store.queries().queue(100).stream()
              .filter(q -> q.structure().equals("liver"))
              .findFirst()
              .orElseThrow();
      assertThat(liver.itemName()).isEqualTo("abdomen-dicom");
      JsonNode g =
          new ObjectMapper().readTree(StoredRows.items(dir.resolve("d.db")).getFirst().geometry());
      assertThat(g.get("dims").toString()).isEqualTo("[512,512,20]");
      assertThat(g.get("datatype").asText()).isEqualTo("dicom");
      assertThat(g.get("transferSyntax").asText()).isEqualTo("1.2.840.10008.1.2.4.90");
      ImportReport again =
          new VolumeImporter(store, new NiftiHeaderReader())
              .importVolumes(request, Progress.none());
      assertThat(again.get("candidates inserted")).isZero();
      assertThat(again.clean()).isTrue();
    }
  }
}
