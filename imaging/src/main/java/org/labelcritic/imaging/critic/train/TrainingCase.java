package org.labelcritic.imaging.critic.train;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.labelcritic.imaging.critic.features.ScanContext;
import org.labelcritic.imaging.mask.BinaryMask;

/**
 * One CT with its reference ("good") labels, the material the critic's training pairs are made of.
 *
 * @param name the case, e.g. "example-ct-sm"
 * @param patient the patient: cases of one patient are held out together
 * @param source the label source taken as the reference
 * @param scan the CT and what the features need of it
 * @param reference the reference masks by structure, on the CT's grid, none empty
 * @param competing the other real sources of this CT: source name -> structure -> mask (on the CT's
 *     grid, none empty), for the evaluation on real competing labels
 */
public record TrainingCase(
    String name,
    String patient,
    String source,
    ScanContext scan,
    Map<String, BinaryMask> reference,
    Map<String, Map<String, BinaryMask>> competing) {

  /** A case without competing sources. */
  public TrainingCase(
      String name,
      String patient,
      String source,
      ScanContext scan,
      Map<String, BinaryMask> reference) {
    this(name, patient, source, scan, reference, Map.of());
  }

  public TrainingCase {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(patient, "patient");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(scan, "scan");
    reference = new TreeMap<>(reference);
    reference.values().removeIf(BinaryMask::isEmpty);
    reference = java.util.Collections.unmodifiableMap(reference);
    Map<String, Map<String, BinaryMask>> c = new TreeMap<>();
    competing.forEach(
        (src, masks) -> {
          Map<String, BinaryMask> m = new TreeMap<>(masks);
          m.values().removeIf(BinaryMask::isEmpty);
          if (!m.isEmpty()) {
            c.put(src, java.util.Collections.unmodifiableMap(m));
          }
        });
    competing = java.util.Collections.unmodifiableMap(c);
  }
}
