package org.labelcritic.app.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.labelcritic.imaging.io.ImportedFiles;
import org.labelcritic.imaging.mask.BinaryMask;
import org.labelcritic.imaging.mask.LabelSet;
import org.labelcritic.imaging.mask.MaskMetrics;
import org.labelcritic.imaging.mask.MaskReader;
import org.labelcritic.imaging.mask.SurfaceDistances;
import org.labelcritic.imaging.nifti.NiftiReader;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.CandidateLabel;

/**
 * Mask metrics between two candidates, read from their files: Dice, HD95 and each volume. Blocking
 * and possibly slow (two masks are read): run it on a background executor.
 *
 * @param hd95Mm NaN when one of the masks is empty
 */
public record CandidateMetrics(double dice, double hd95Mm, double volumeAMl, double volumeBMl) {

  /** Reads both masks (the second mapped onto the first's grid) and measures them. */
  public static CandidateMetrics between(CandidateLabel.Mask a, CandidateLabel.Mask b)
      throws LabelCriticException {
    MaskReader reader = new MaskReader(new NiftiReader());
    BinaryMask ma = read(reader, a);
    BinaryMask mb = read(reader, b);
    BinaryMask onA;
    try {
      onA = mb.onto(ma.geometry());
    } catch (IllegalArgumentException notSameGrid) {
      throw LabelCriticException.inFile(
          Path.of(b.file().path()),
          "is not on the same grid as " + a.file().path() + ": " + notSameGrid.getMessage());
    }
    SurfaceDistances d = SurfaceDistances.between(ma, onA);
    return new CandidateMetrics(
        MaskMetrics.dice(ma, onA), d.hd95Mm(), MaskMetrics.volumeMl(ma), MaskMetrics.volumeMl(mb));
  }

  private static BinaryMask read(MaskReader reader, CandidateLabel.Mask m)
      throws LabelCriticException {
    Path file = Path.of(m.file().path());
    // The metrics describe the masks that were imported, as the viewer shows them.
    String changed = ImportedFiles.maskProblem(file, m.file());
    if (changed != null) {
      throw LabelCriticException.inFile(file, changed);
    }
    LabelSet set = new LabelSet("candidate", Set.copyOf(m.labelValues()));
    return reader.read(file, List.of(set)).get(set.name());
  }
}
