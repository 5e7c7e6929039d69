package org.labelcritic.model.domain;

import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/** What one candidate says: a mask in a file, or a transcribed code with its confidences. */
public sealed interface CandidateLabel {

  /**
   * A mask: the voxels of {@code file} whose value is one of {@code labelValues} (a binary mask
   * file has the single value 1; a multi-label map names the values of this structure).
   */
  record Mask(FileRef file, SortedSet<Integer> labelValues) implements CandidateLabel {
    public Mask {
      Objects.requireNonNull(file, "file");
      labelValues = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(labelValues));
      if (labelValues.isEmpty()) {
        throw new IllegalArgumentException("a mask candidate needs at least one label value");
      }
    }

    /** Label values as stored: comma-separated, ascending. */
    public String labelValuesText() {
      return String.join(",", labelValues.stream().map(String::valueOf).toList());
    }
  }

  /**
   * A code: the transcription, the overall confidence in 0..1 (NaN when the source gave none), and
   * one confidence per character (empty when the source gave none).
   */
  record Code(String code, double confidence, List<Double> digitConfidences)
      implements CandidateLabel {
    public Code {
      Objects.requireNonNull(code, "code");
      digitConfidences = List.copyOf(digitConfidences);
    }
  }
}
