package org.labelcritic.model.critic.eval;

import java.util.Arrays;

/**
 * A NumPy array read from a {@code .npy} file: its shape and its values in C (row-major) order,
 * widened to double (exact for uint16 and float64).
 */
public record NpyArray(String dtype, int[] shape, double[] values) {
  public NpyArray {
    shape = shape.clone();
    long n = 1;
    for (int s : shape) {
      n *= s;
    }
    if (n != values.length) {
      throw new IllegalArgumentException(
          "shape " + Arrays.toString(shape) + " does not hold " + values.length + " values");
    }
  }

  @Override
  public int[] shape() {
    return shape.clone();
  }

  public int rows() {
    return shape.length == 0 ? 1 : shape[0];
  }

  /** The number of columns of a 2-D array (1 for a 1-D one). */
  public int columns() {
    return shape.length < 2 ? 1 : shape[1];
  }

  public double get(int i) {
    return values[i];
  }

  public double get(int row, int column) {
    return values[row * columns() + column];
  }
}
