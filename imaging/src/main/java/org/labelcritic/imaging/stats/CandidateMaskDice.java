package org.labelcritic.imaging.stats;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.LabelSet;
import org.labelcritic.imaging.mask.MaskMetrics;
import org.labelcritic.imaging.mask.MaskReader;
import org.labelcritic.imaging.nifti.NiftiReader;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Candidate;
import org.labelcritic.model.domain.CandidateLabel;
import org.labelcritic.model.stats.MaskDice;

/**
 * Dice between two mask candidates, read from their files (the union of each candidate's label
 * values), the second mapped onto the first's grid when the two hold the same voxels in another
 * axis order.
 */
public final class CandidateMaskDice implements MaskDice {
  private final MaskReader reader;

  public CandidateMaskDice() {
    this(new MaskReader(new NiftiReader()));
  }

  public CandidateMaskDice(MaskReader reader) {
    this.reader = reader;
  }

  @Override
  public double dice(Candidate a, Candidate b) throws LabelCriticException {
    BinaryMask ma = read(a);
    BinaryMask mb = read(b);
    try {
      return MaskMetrics.dice(ma, mb.onto(ma.geometry()));
    } catch (IllegalArgumentException notSameGrid) {
      throw new LabelCriticException(
          "candidates "
              + a.id()
              + " and "
              + b.id()
              + " are not on the same grid: "
              + notSameGrid.getMessage());
    }
  }

  private BinaryMask read(Candidate c) throws LabelCriticException {
    if (!(c.label() instanceof CandidateLabel.Mask m)) {
      throw new LabelCriticException("candidate " + c.id() + " is a code, not a mask");
    }
    Path file = Path.of(m.file().path());
    LabelSet set = new LabelSet("candidate-" + c.id(), Set.copyOf(m.labelValues()));
    return reader.read(file, List.of(set)).get(set.name());
  }
}
