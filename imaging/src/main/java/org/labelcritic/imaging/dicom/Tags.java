package org.labelcritic.imaging.dicom;

import java.util.Set;

/** The few DICOM tags this package reads, as (group << 16 | element). */
final class Tags {
  static final int TRANSFER_SYNTAX_UID = 0x00020010;
  static final int SOP_CLASS_UID = 0x00080016;
  static final int SOP_INSTANCE_UID = 0x00080018;
  static final int MODALITY = 0x00080060;
  static final int SLICE_THICKNESS = 0x00180050;
  static final int SPACING_BETWEEN_SLICES = 0x00180088;
  static final int SERIES_INSTANCE_UID = 0x0020000E;
  static final int INSTANCE_NUMBER = 0x00200013;
  static final int IMAGE_POSITION_PATIENT = 0x00200032;
  static final int IMAGE_ORIENTATION_PATIENT = 0x00200037;
  static final int SAMPLES_PER_PIXEL = 0x00280002;
  static final int PHOTOMETRIC_INTERPRETATION = 0x00280004;
  static final int PLANAR_CONFIGURATION = 0x00280006;
  static final int NUMBER_OF_FRAMES = 0x00280008;
  static final int ROWS = 0x00280010;
  static final int COLUMNS = 0x00280011;
  static final int PIXEL_SPACING = 0x00280030;
  static final int BITS_ALLOCATED = 0x00280100;
  static final int BITS_STORED = 0x00280101;
  static final int HIGH_BIT = 0x00280102;
  static final int PIXEL_REPRESENTATION = 0x00280103;
  static final int RESCALE_INTERCEPT = 0x00281052;
  static final int RESCALE_SLOPE = 0x00281053;
  static final int GRID_FRAME_OFFSET_VECTOR = 0x3004000C;
  static final int SHARED_FUNCTIONAL_GROUPS = 0x52009229;
  static final int PER_FRAME_FUNCTIONAL_GROUPS = 0x52009230;
  static final int FLOAT_PIXEL_DATA = 0x7FE00008;
  static final int DOUBLE_PIXEL_DATA = 0x7FE00009;
  static final int PIXEL_DATA = 0x7FE00010;
  static final int ITEM = 0xFFFEE000;
  static final int ITEM_DELIMITER = 0xFFFEE00D;
  static final int SEQUENCE_DELIMITER = 0xFFFEE0DD;

  /**
   * The only attributes kept. Patient, study-description, institution and operator attributes are
   * deliberately absent: review needs geometry and pixels, and a value never kept cannot leak.
   */
  static final Set<Integer> KEPT =
      Set.of(
          TRANSFER_SYNTAX_UID,
          SOP_CLASS_UID,
          SOP_INSTANCE_UID,
          MODALITY,
          SLICE_THICKNESS,
          SPACING_BETWEEN_SLICES,
          SERIES_INSTANCE_UID,
          INSTANCE_NUMBER,
          IMAGE_POSITION_PATIENT,
          IMAGE_ORIENTATION_PATIENT,
          SAMPLES_PER_PIXEL,
          PHOTOMETRIC_INTERPRETATION,
          PLANAR_CONFIGURATION,
          NUMBER_OF_FRAMES,
          ROWS,
          COLUMNS,
          PIXEL_SPACING,
          BITS_ALLOCATED,
          BITS_STORED,
          HIGH_BIT,
          PIXEL_REPRESENTATION,
          RESCALE_INTERCEPT,
          RESCALE_SLOPE,
          GRID_FRAME_OFFSET_VECTOR);

  /**
   * Sequences inside the functional groups whose items hold geometry or rescale (plane position,
   * plane orientation, pixel measures, pixel value transformation). Named here because an implicit
   * VR file does not say which elements are sequences.
   */
  static final Set<Integer> FUNCTIONAL_GROUP_SEQUENCES =
      Set.of(0x00209113, 0x00209116, 0x00289110, 0x00289145);

  private Tags() {}

  static String text(int tag) {
    return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
  }
}
