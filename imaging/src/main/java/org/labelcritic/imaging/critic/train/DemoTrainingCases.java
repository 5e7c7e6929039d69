package org.labelcritic.imaging.critic.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.labelcritic.imaging.critic.features.ScanContext;
import org.labelcritic.imaging.dicom.DicomSeriesReader;
import org.labelcritic.imaging.labels.LabelTable;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.LabelSet;
import org.labelcritic.imaging.mask.MaskReader;
import org.labelcritic.imaging.nifti.NiftiHeaderReader;
import org.labelcritic.imaging.nifti.NiftiReader;
import org.labelcritic.imaging.volume.Geometry;
import org.labelcritic.imaging.volume.Volume;
import org.labelcritic.model.LabelCriticException;

/**
 * The demo's three CTs ({@code resources/demo/volumes}) and its training-only DICOM case, each with
 * one reference source (the most careful model the case has) and the case's other real sources as
 * competing labels. {@code example-ct-sm} and {@code example-ct} are the same patient, so they
 * share a patient id and are held out together.
 */
public final class DemoTrainingCases {
  /** The organs trained on (all have organ priors). */
  public static final List<String> ORGANS =
      List.of(
          "liver",
          "spleen",
          "kidney_left",
          "kidney_right",
          "pancreas",
          "gallbladder",
          "stomach",
          "aorta");

  /**
   * A fourth CT, for training only (not imported by the demo): TotalSegmentator's DICOM test series
   * (upper abdomen, another patient) with two versions of the fast model's labels.
   */
  public static final String DICOM_CASE = "training/example-dicom";

  /** The DICOM case's reference source (the current fast model). */
  static final String DICOM_REFERENCE = "ts-v2-fast-3mm";

  private static final String V1_TABLE = "label-tables/totalseg_v1_total.json";

  private DemoTrainingCases() {}

  /** Reads the cases from the demo folder ({@code resources/demo/volumes}). */
  public static List<TrainingCase> load(Path demo) throws LabelCriticException {
    Loader l = new Loader(demo);
    List<TrainingCase> out = new ArrayList<>();
    out.add(
        l.demoCase(
            "example-ct-sm",
            "patient-1",
            "ts-v2-total-1.5mm",
            List.of(
                "ts-v2-fast", "ts-v2.1-1.5mm-2023-10", "ts-v2-fast-bodyseg", "ts-v2-roi-liver")));
    out.add(
        l.demoCase(
            "example-ct",
            "patient-1",
            "ts-v1-1.5mm",
            List.of("ts-v1-fast-3mm", "ts-v2-fast-forcesplit")));
    out.add(l.demoCase("aorta-crop", "patient-2", "ts-total", List.of("ts-T264")));
    Path dicom = demo.resolve(DICOM_CASE);
    if (Files.isDirectory(dicom)) {
      Volume ct = new DicomSeriesReader().read(dicom.resolve("ct"));
      Map<String, Map<String, BinaryMask>> competing = new TreeMap<>();
      competing.put(
          "ts-v2-fast-3mm-2023-09",
          l.map(dicom.resolve("ts-v2-fast-3mm-2023-09.nii.gz"), ct.geometry(), false));
      out.add(
          new TrainingCase(
              "example-dicom",
              "patient-3",
              DICOM_REFERENCE,
              ScanContext.of(ct),
              l.map(dicom.resolve(DICOM_REFERENCE + ".nii.gz"), ct.geometry(), false),
              competing));
    }
    return out;
  }

  /** The label values of each trained organ, looked up by name in the source's own table. */
  static List<LabelSet> sets(LabelTable table) {
    List<LabelSet> out = new ArrayList<>();
    for (String organ : ORGANS) {
      Set<Integer> values = new TreeSet<>();
      table
          .names()
          .forEach(
              (value, name) -> {
                if (name.equals(organ)) {
                  values.add(value);
                }
              });
      if (!values.isEmpty()) {
        out.add(new LabelSet(organ, values));
      }
    }
    return out;
  }

  /** Reads the demo's layout: a source's labels of a case, as a map or as binary masks. */
  private static final class Loader {
    final Path demo;
    final NiftiReader nifti = new NiftiReader();
    final MaskReader reader = new MaskReader(nifti);

    Loader(Path demo) {
      this.demo = demo;
    }

    TrainingCase demoCase(String name, String patient, String reference, List<String> others)
        throws LabelCriticException {
      Volume ct = nifti.read(demo.resolve("images/" + name + "/ct.nii.gz"));
      Map<String, Map<String, BinaryMask>> competing = new TreeMap<>();
      for (String o : others) {
        competing.put(o, source(o, name, ct.geometry()));
      }
      return new TrainingCase(
          name,
          patient,
          reference,
          ScanContext.of(ct),
          source(reference, name, ct.geometry()),
          competing);
    }

    /** A source's organs on a case: its multi-label map, or its binary masks of the organs. */
    Map<String, BinaryMask> source(String source, String name, Geometry grid)
        throws LabelCriticException {
      Path folder = demo.resolve("sources/" + source + "/" + name);
      Path map = folder.resolve("total.nii.gz");
      if (Files.isRegularFile(map)) {
        return map(map, grid, source.startsWith("ts-v1"));
      }
      Map<String, BinaryMask> out = new TreeMap<>();
      for (String organ : ORGANS) {
        Path f = folder.resolve("segmentations/" + organ + ".nii.gz");
        if (Files.isRegularFile(f)) {
          out.put(organ, reader.readBinary(f).onto(grid));
        }
      }
      return out;
    }

    /**
     * The organs of a multi-label map, found by name in its embedded table (v2) or in the demo's v1
     * table (v1 maps carry none): the two versions number them differently.
     */
    Map<String, BinaryMask> map(Path file, Geometry grid, boolean v1) throws LabelCriticException {
      LabelTable table =
          v1
              ? LabelTable.read(demo.resolve(V1_TABLE))
              : LabelTable.fromNiftiExtensions(new NiftiHeaderReader().read(file))
                  .orElseThrow(
                      () -> LabelCriticException.inFile(file, "has no embedded label table"));
      Map<String, BinaryMask> out = new TreeMap<>();
      reader.read(file, sets(table)).forEach((k, v) -> out.put(k, v.onto(grid)));
      return out;
    }
  }
}
