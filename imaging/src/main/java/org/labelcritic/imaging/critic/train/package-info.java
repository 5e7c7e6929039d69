/**
 * Training the feature critic: reference labels perturbed by the error generator, pair and
 * single-label features, a Tribuo logistic regression exported to ONNX with its sidecar, and the
 * leave-one-patient-out evaluation.
 */
package org.labelcritic.imaging.critic.train;
