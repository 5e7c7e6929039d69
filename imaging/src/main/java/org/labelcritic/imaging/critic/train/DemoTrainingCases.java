package org.labelcritic.imaging.critic.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.labelcritic.imaging.critic.features.ScanContext;
import org.labelcritic.imaging.labels.LabelTable;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.LabelSet;
import org.labelcritic.imaging.mask.MaskReader;
import org.labelcritic.imaging.nifti.NiftiHeaderReader;
import org.labelcritic.imaging.nifti.NiftiReader;
import org.labelcritic.imaging.volume.Volume;
import org.labelcritic.model.LabelCriticException;

/**
 * The demo's three CTs ({@code resources/demo/volumes}) with one reference source each: the 1.5 mm
 * TotalSegmentator models, the most careful of the demo's sources. {@code example-ct-sm} and {@code
 * example-ct} are the same patient, so they share a patient id and are held out together.
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

  private DemoTrainingCases() {}

  /** Reads the three cases from the demo folder ({@code resources/demo/volumes}). */
  public static List<TrainingCase> load(Path demo) throws LabelCriticException {
    NiftiReader nifti = new NiftiReader();
    MaskReader reader = new MaskReader(nifti);
    List<TrainingCase> out = new ArrayList<>();
    // The v2 map embeds its label table; v1 maps carry none, the demo ships it. Organs are found
    // by name in the table: the two versions number them differently.
    Path v2 = demo.resolve("sources/ts-v2-total-1.5mm/example-ct-sm/total.nii.gz");
    LabelTable v2Table =
        LabelTable.fromNiftiExtensions(new NiftiHeaderReader().read(v2))
            .orElseThrow(() -> LabelCriticException.inFile(v2, "has no embedded label table"));
    LabelTable v1Table = LabelTable.read(demo.resolve("label-tables/totalseg_v1_total.json"));
    out.add(
        multiLabel(
            nifti, reader, demo, "example-ct-sm", "patient-1", "ts-v2-total-1.5mm", sets(v2Table)));
    out.add(
        multiLabel(nifti, reader, demo, "example-ct", "patient-1", "ts-v1-1.5mm", sets(v1Table)));
    Volume aortaCt = nifti.read(demo.resolve("images/aorta-crop/ct.nii.gz"));
    BinaryMask aorta =
        reader
            .readBinary(demo.resolve("sources/ts-total/aorta-crop/segmentations/aorta.nii.gz"))
            .onto(aortaCt.geometry());
    out.add(
        new TrainingCase(
            "aorta-crop",
            "patient-2",
            "ts-total",
            ScanContext.of(aortaCt),
            Map.of("aorta", aorta)));
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

  private static TrainingCase multiLabel(
      NiftiReader nifti,
      MaskReader reader,
      Path demo,
      String name,
      String patient,
      String source,
      List<LabelSet> sets)
      throws LabelCriticException {
    Volume ct = nifti.read(demo.resolve("images/" + name + "/ct.nii.gz"));
    Map<String, BinaryMask> masks = new TreeMap<>();
    reader
        .read(demo.resolve("sources/" + source + "/" + name + "/total.nii.gz"), sets)
        .forEach((k, v) -> masks.put(k, v.onto(ct.geometry())));
    return new TrainingCase(name, patient, source, ScanContext.of(ct), masks);
  }
}
