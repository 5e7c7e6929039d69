package org.labelcritic.imaging.nifti;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.labelcritic.imaging.volume.Volume.Voxels;

/**
 * Decodes NIfTI voxel data from a stream straight into the primitive array a {@link Voxels} keeps.
 * Bytes are read in chunks and converted with the JDK's bulk buffer views or byte-array view var
 * handles, which byte-swap with intrinsics; that keeps decoding well below the cost of inflating.
 *
 * <p>32- and 64-bit data are stored as {@code short[]} while every value so far is an integer in
 * int16 range (CT written as int32 or float32 is the common case, and it halves the memory), and
 * switch to {@code float[]} at the first value that is not.
 */
final class VoxelDecoder {

  /**
   * Bytes inflated per read; a multiple of every voxel size. Small enough that a chunk is still in
   * the CPU cache when it is converted and that it is not a humongous allocation for G1 (a 1 MiB
   * chunk was both), large enough that the per-call cost of inflating vanishes.
   */
  static final int CHUNK = 1 << 16;

  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_BE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private final InputStream in;
  private final ByteOrder order;
  private final byte[] chunk;
  private long bytesRead;

  VoxelDecoder(InputStream in, ByteOrder order) {
    this.in = in;
    this.order = order;
    this.chunk = new byte[CHUNK];
  }

  /** Thrown when the stream ends before {@code n} voxels were decoded. */
  static final class ShortDataException extends IOException {
    private static final long serialVersionUID = 1L;
    final long bytesRead;

    ShortDataException(long bytesRead) {
      super("data ends after " + bytesRead + " bytes");
      this.bytesRead = bytesRead;
    }
  }

  long bytesRead() {
    return bytesRead;
  }

  Voxels decode(NiftiDataType type, int n) throws IOException {
    return switch (type) {
      case UINT8, INT8 -> {
        byte[] v = new byte[n];
        fill(v, n);
        yield new Voxels.Bytes(v, type == NiftiDataType.UINT8);
      }
      case INT16, UINT16 -> new Voxels.Shorts(shorts(n), type == NiftiDataType.UINT16);
      case INT32, UINT32, FLOAT32, FLOAT64 -> new Narrowing(n).decode(type);
      default -> throw new IllegalArgumentException("not decodable: " + type);
    };
  }

  private short[] shorts(int n) throws IOException {
    short[] v = new short[n];
    int done = 0;
    while (done < n) {
      int count = Math.min(n - done, CHUNK / 2);
      fill(chunk, count * 2);
      ByteBuffer.wrap(chunk, 0, count * 2).order(order).asShortBuffer().get(v, done, count);
      done += count;
    }
    return v;
  }

  /** Reads exactly {@code len} bytes into {@code dst}, or throws {@link ShortDataException}. */
  private void fill(byte[] dst, int len) throws IOException {
    int off = 0;
    while (off < len) {
      int r = in.read(dst, off, len - off);
      if (r < 0) {
        throw new ShortDataException(bytesRead + off);
      }
      off += r;
    }
    bytesRead += len;
  }

  /** Decodes 32/64-bit voxels into short[] until a value needs float[]. */
  private final class Narrowing {
    private final int n;
    private short[] shorts;
    private float[] floats;

    Narrowing(int n) {
      this.n = n;
      this.shorts = new short[n];
    }

    Voxels decode(NiftiDataType type) throws IOException {
      int size = type == NiftiDataType.FLOAT64 ? 8 : 4;
      int perChunk = CHUNK / size;
      int[] ints = size == 4 && type != NiftiDataType.FLOAT32 ? new int[perChunk] : null;
      float[] fl = type == NiftiDataType.FLOAT32 ? new float[perChunk] : null;
      double[] db = size == 8 ? new double[perChunk] : null;
      int done = 0;
      while (done < n) {
        int count = Math.min(n - done, perChunk);
        fill(chunk, count * size);
        ByteBuffer b = ByteBuffer.wrap(chunk, 0, count * size).order(order);
        switch (type) {
          case INT32, UINT32 -> {
            boolean unsigned = type == NiftiDataType.UINT32;
            if (floats != null || narrowInts(count, done, unsigned) < count) {
              b.asIntBuffer().get(ints, 0, count);
              ints(ints, count, done, unsigned);
            }
          }
          case FLOAT32 -> {
            b.asFloatBuffer().get(fl, 0, count);
            floats(fl, count, done);
          }
          default -> {
            b.asDoubleBuffer().get(db, 0, count);
            doubles(db, count, done);
          }
        }
        done += count;
      }
      return floats == null ? new Voxels.Shorts(shorts, false) : new Voxels.Floats(floats);
    }

    /**
     * The common case of 32-bit integers that fit in int16 (CT stored as int32), read straight from
     * the chunk: one pass instead of a copy to an int[] and a second pass. Returns how many values
     * it stored, {@code count} unless one does not fit; the caller then converts the chunk again.
     */
    private int narrowInts(int count, int off, boolean unsigned) {
      byte[] src = chunk;
      short[] dst = shorts;
      int i = 0;
      // One loop per byte order, so that each var handle is a constant to the JIT.
      if (order == ByteOrder.LITTLE_ENDIAN) {
        for (; i < count; i++) {
          int v = (int) INT_LE.get(src, i << 2);
          if (v != (short) v || (unsigned && v < 0)) {
            break;
          }
          dst[off + i] = (short) v;
        }
      } else {
        for (; i < count; i++) {
          int v = (int) INT_BE.get(src, i << 2);
          if (v != (short) v || (unsigned && v < 0)) {
            break;
          }
          dst[off + i] = (short) v;
        }
      }
      return i;
    }

    private void ints(int[] src, int count, int off, boolean unsigned) {
      int i = 0;
      if (floats == null) {
        for (; i < count; i++) {
          int v = src[i];
          // An unsigned value with the top bit set reads as negative here; it never fits.
          if (v != (short) v || (unsigned && v < 0)) {
            break;
          }
          shorts[off + i] = (short) v;
        }
        if (i == count) {
          return;
        }
        widen(off + i);
      }
      for (; i < count; i++) {
        floats[off + i] = unsigned ? (float) Integer.toUnsignedLong(src[i]) : (float) src[i];
      }
    }

    private void floats(float[] src, int count, int off) {
      int i = 0;
      if (floats == null) {
        for (; i < count; i++) {
          float v = src[i];
          if ((short) v != v) {
            break;
          }
          shorts[off + i] = (short) v;
        }
        if (i == count) {
          return;
        }
        widen(off + i);
      }
      System.arraycopy(src, i, floats, off + i, count - i);
    }

    private void doubles(double[] src, int count, int off) {
      int i = 0;
      if (floats == null) {
        for (; i < count; i++) {
          double v = src[i];
          if ((short) v != v) {
            break;
          }
          shorts[off + i] = (short) v;
        }
        if (i == count) {
          return;
        }
        widen(off + i);
      }
      for (; i < count; i++) {
        floats[off + i] = (float) src[i];
      }
    }

    /** Moves the first {@code upTo} values to a float[] and continues there. */
    private void widen(int upTo) {
      floats = new float[n];
      for (int k = 0; k < upTo; k++) {
        floats[k] = shorts[k];
      }
      shorts = null;
    }
  }
}
