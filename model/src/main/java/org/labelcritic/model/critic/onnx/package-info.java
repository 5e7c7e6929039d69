/**
 * The quality model runtime: pairwise ONNX models scored with ONNX Runtime (CUDA when present, else
 * CPU), their sidecar input contract ({@link org.labelcritic.model.critic.onnx.ModelCard}) and the
 * feature critic built on them. Features in, verdicts out; no imaging code.
 */
package org.labelcritic.model.critic.onnx;
