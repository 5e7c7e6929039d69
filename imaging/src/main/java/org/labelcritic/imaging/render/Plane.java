package org.labelcritic.imaging.render;

/**
 * A viewing plane, as the world directions of the screen's x (rightwards) and y (downwards) and of
 * the slice axis. World axes are RAS+: 0 = x (right), 1 = y (anterior), 2 = z (superior); a
 * negative sign means the screen runs towards the negative world direction.
 */
public enum Plane {
  /** Seen from the feet: patient's right on the left, anterior at the top. */
  AXIAL(0, -1, 1, -1, 2),
  /** Seen from the front: patient's right on the left, head at the top. */
  CORONAL(0, -1, 2, -1, 1),
  /** Seen from the patient's left: anterior on the left, head at the top. */
  SAGITTAL(1, -1, 2, -1, 0);

  final int uAxis;
  final int uSign;
  final int vAxis;
  final int vSign;
  final int sliceAxis;

  Plane(int uAxis, int uSign, int vAxis, int vSign, int sliceAxis) {
    this.uAxis = uAxis;
    this.uSign = uSign;
    this.vAxis = vAxis;
    this.vSign = vSign;
    this.sliceAxis = sliceAxis;
  }
}
