package org.labelcritic.imaging.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits the bytes between the extender and vox_offset into NIfTI header extensions. A damaged
 * extension chain is logged and cut short rather than refused: the image itself is still usable,
 * and the only thing lost is what the extensions carried (such as an embedded label table).
 */
final class ExtensionParser {

  private static final Logger LOG = LoggerFactory.getLogger(ExtensionParser.class);

  private ExtensionParser() {}

  /**
   * @param region the bytes from the end of the extender to vox_offset
   * @param regionStart the file offset of {@code region[0]}, for messages
   */
  static List<NiftiExtension> parse(Path file, byte[] region, long regionStart, ByteOrder order) {
    List<NiftiExtension> out = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(region).order(order);
    int pos = 0;
    while (pos + 8 <= region.length) {
      int esize = b.getInt(pos);
      int ecode = b.getInt(pos + 4);
      // The standard asks for a multiple of 16, but writers that ignore it exist; only a size
      // that cannot be right (shorter than its own prefix, or past vox_offset) ends the chain.
      if (esize < 8 || esize > region.length - pos) {
        if (esize != 0 || ecode != 0) {
          LOG.warn(
              "{}: header extension {} at byte {} declares size {} which does not fit before"
                  + " vox_offset; ignoring it and any after it",
              file,
              out.size() + 1,
              regionStart + pos,
              esize);
        }
        break;
      }
      out.add(new NiftiExtension(ecode, Arrays.copyOfRange(region, pos + 8, pos + esize)));
      pos += esize;
    }
    return out;
  }
}
