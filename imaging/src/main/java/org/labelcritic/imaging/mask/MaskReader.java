package org.labelcritic.imaging.mask;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.labelcritic.imaging.nifti.NiftiReader;
import org.labelcritic.imaging.volume.Volume;
import org.labelcritic.model.LabelCriticException;

/**
 * Reads NIfTI label files into compact masks. The full label volume lives only inside a call: it is
 * decoded, cut into masks, and dropped, so importing many candidates keeps only their masks.
 */
public final class MaskReader {

  private final NiftiReader nifti;

  public MaskReader(NiftiReader nifti) {
    this.nifti = nifti;
  }

  /** One mask per label set, keyed by the set's name (empty masks for values not present). */
  public Map<String, BinaryMask> read(Path file, List<LabelSet> sets) throws LabelCriticException {
    Volume labels = nifti.read(file);
    return LabelMasks.extract(labels, sets);
  }

  /**
   * The non-zero voxels of a binary mask file (one structure per file, the AbdomenAtlas layout).
   */
  public BinaryMask readBinary(Path file) throws LabelCriticException {
    Volume labels = nifti.read(file);
    return BinaryMask.of(labels.geometry(), (x, y, z) -> labels.value(x, y, z) != 0);
  }
}
