package org.labelcritic.imaging.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.imaging.fuzz.FuzzRun.Seed;
import org.labelcritic.imaging.fuzz.Mutator.Field;
import org.labelcritic.imaging.labels.LabelTable;
import org.labelcritic.imaging.nifti.NiftiHeader;
import org.labelcritic.imaging.nifti.NiftiHeaderReader;
import org.labelcritic.imaging.nifti.NiftiReader;
import org.labelcritic.imaging.volume.Volume;

/**
 * Mutated NIfTI-1 and NIfTI-2 files (plain and gzipped, both byte orders, one with an embedded
 * Caret XML label table) go through the import path (header, embedded label table) and the full
 * read.
 */
class NiftiFuzzTest {
  static final String NAME = "fuzz-input";

  @TempDir Path dir;

  /** A gzipped seed is mutated inside (then compressed again) and, separately, as gzip bytes. */
  static List<Seed> seeds() {
    List<Seed> seeds = new ArrayList<>();
    plain(seeds, "functional.nii", Corpus.bytes("nifti/functional.nii"), ByteOrder.LITTLE_ENDIAN);
    plain(
        seeds,
        "reoriented_anat_moved.nii",
        Corpus.bytes("nifti/reoriented_anat_moved.nii"),
        ByteOrder.BIG_ENDIAN);
    byte[] standard = Corpus.gunzip(Corpus.bytes("nifti/standard.nii.gz"));
    plain(seeds, "standard.nii.gz.inner", standard, ByteOrder.LITTLE_ENDIAN);
    plain(seeds, "standard-caret.nii.gz.inner", withCaretTable(standard), ByteOrder.LITTLE_ENDIAN);
    plain(
        seeds,
        "example_nifti2.nii.gz.inner",
        Corpus.gunzip(Corpus.bytes("nifti/example_nifti2.nii.gz")),
        ByteOrder.LITTLE_ENDIAN);
    plain(
        seeds,
        "liver.nii.gz.inner",
        Corpus.gunzip(
            Corpus.bytes(
                "ct-seg/totalseg-example-ct-sm/segmentations_totalseg_v2_fast/liver.nii.gz")),
        ByteOrder.LITTLE_ENDIAN);
    seeds.add(new Seed("standard.nii.gz", Corpus.bytes("nifti/standard.nii.gz")));
    seeds.add(new Seed("example_nifti2.nii.gz", Corpus.bytes("nifti/example_nifti2.nii.gz")));
    return seeds;
  }

  private static void plain(List<Seed> seeds, String name, byte[] raw, ByteOrder order) {
    int sizeofHdr = ByteBuffer.wrap(raw, 0, 4).order(order).getInt();
    seeds.add(new Seed(name, raw, sizeofHdr == 540 ? nifti2Fields() : nifti1Fields(order)));
  }

  /** The NIfTI-1 fields a reader trusts: sizes, types, offsets, scaling, orientation. */
  static List<Field> nifti1Fields(ByteOrder order) {
    boolean be = order == ByteOrder.BIG_ENDIAN;
    List<Field> f = new ArrayList<>();
    f.add(new Field(0, 4, be)); // sizeof_hdr
    for (int k = 0; k < 8; k++) {
      f.add(new Field(40 + 2 * k, 2, be)); // dim
      f.add(new Field(76 + 4 * k, 4, be)); // pixdim
    }
    for (int at : new int[] {68, 70, 72, 74, 120, 252, 254}) {
      f.add(new Field(at, 2, be)); // intent, datatype, bitpix, slice_start/end, q/sform codes
    }
    for (int at = 108; at <= 124; at += 4) {
      f.add(new Field(at, 4, be)); // vox_offset, scl_slope, scl_inter, cal_max
    }
    for (int at = 256; at < 328; at += 4) {
      f.add(new Field(at, 4, be)); // quaternion, offsets, srow_x/y/z
    }
    f.add(new Field(348, 1, be)); // extension flag
    f.add(new Field(352, 4, be)); // first extension's esize
    f.add(new Field(356, 4, be)); // and ecode
    return f;
  }

  static List<Field> nifti2Fields() {
    List<Field> f = new ArrayList<>();
    f.add(new Field(0, 4, false));
    f.add(new Field(12, 2, false)); // datatype
    f.add(new Field(14, 2, false)); // bitpix
    for (int k = 0; k < 8; k++) {
      f.add(new Field(16 + 8 * k, 8, false)); // dim
      f.add(new Field(104 + 8 * k, 8, false)); // pixdim
    }
    for (int at = 168; at <= 232; at += 8) {
      f.add(new Field(at, 8, false)); // vox_offset, scaling, cal, slice timing
    }
    for (int at = 344; at <= 352; at += 4) {
      f.add(new Field(at, 4, false)); // q/sform codes
    }
    for (int at = 352; at < 496; at += 8) {
      f.add(new Field(at, 8, false)); // quaternion, srow
    }
    f.add(new Field(540, 1, false)); // extension flag
    f.add(new Field(544, 4, false)); // esize
    return f;
  }

  /** A NIfTI-1 file with a TotalSegmentator-style Caret XML label table extension added. */
  static byte[] withCaretTable(byte[] nifti1) {
    ByteBuffer in = ByteBuffer.wrap(nifti1).order(ByteOrder.LITTLE_ENDIAN);
    int voxOffset = (int) in.getFloat(108);
    byte[] xml =
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<CaretExtension><VolumeInformation"
                + " Index=\"0\"><LabelTable>\n<Label Key=\"1\" Red=\"1\" Green=\"0\" Blue=\"0\""
                + " Alpha=\"1\">aorta_true_lumen</Label>\n<Label Key=\"2\" Red=\"0\" Green=\"1\""
                + " Blue=\"0\" Alpha=\"1\">aorta_false_lumen</Label>\n</LabelTable>"
                + "</VolumeInformation></CaretExtension>")
            .getBytes(StandardCharsets.UTF_8);
    int esize = (8 + xml.length + 15) / 16 * 16;
    ByteBuffer out =
        ByteBuffer.allocate(352 + esize + nifti1.length - voxOffset).order(ByteOrder.LITTLE_ENDIAN);
    out.put(Arrays.copyOf(nifti1, 348)).put(new byte[] {1, 0, 0, 0});
    out.putInt(esize).putInt(30).put(xml);
    out.position(352 + esize);
    out.put(nifti1, voxOffset, nifti1.length - voxOffset);
    out.putFloat(108, 352 + esize);
    return out.array();
  }

  /** Header (as an import reads it), embedded label table, then the voxels. */
  static FuzzRun.Target target(Path dir) {
    NiftiHeaderReader headers = new NiftiHeaderReader();
    NiftiReader reader = new NiftiReader();
    return (seed, input) -> {
      boolean gz = seed.name().endsWith(".gz");
      byte[] bytes = seed.name().endsWith(".inner") ? Corpus.gzip(input) : input;
      Path file = dir.resolve(NAME + (gz || seed.name().endsWith(".inner") ? ".nii.gz" : ".nii"));
      Files.write(file, bytes);
      NiftiHeader h = headers.read(file);
      LabelTable.fromNiftiExtensions(h);
      Volume v = reader.read(h);
      v.value(v.voxels().length() - 1);
    };
  }

  @Test
  void everyMutatedNiftiFileIsReadOrRefusedClearly() throws Exception {
    FuzzRun.Result r = new FuzzRun("nifti", seeds(), false, NAME).run(FuzzRun.INPUTS, target(dir));

    assertThat(r.findings()).as(r.summary()).isEmpty();
    assertThat(r.read()).as("some mutations leave a readable file").isPositive();
    assertThat(r.refused()).as("most mutations break the file").isGreaterThan(r.inputs() / 10);
  }
}
