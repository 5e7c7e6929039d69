package org.labelcritic.imaging.nifti;

import java.util.Arrays;

/**
 * One NIfTI header extension: its code (ecode) and its payload, without the 8-byte size/code
 * prefix. The payload is kept as written, including any zero padding up to the 16-byte boundary.
 *
 * @param ecode the extension code (0 unknown/private, 6 comment, 30 Caret XML, ...)
 * @param data the payload bytes
 */
public record NiftiExtension(int ecode, byte[] data) {

  public NiftiExtension {
    data = data.clone();
  }

  @Override
  public byte[] data() {
    return data.clone();
  }

  public int size() {
    return data.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NiftiExtension e && e.ecode == ecode && Arrays.equals(e.data, data);
  }

  @Override
  public int hashCode() {
    return 31 * ecode + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "NiftiExtension[ecode=" + ecode + ", " + data.length + " bytes]";
  }
}
