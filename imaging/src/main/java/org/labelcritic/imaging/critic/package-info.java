/**
 * The critics wired for the quality worker: {@link org.labelcritic.imaging.critic.VolumeScorer}
 * scores CT scans (gate, rules, feature critic and single-label quality on the sources' masks),
 * {@link org.labelcritic.imaging.critic.QualityWorkers} builds the worker with it and the code
 * scorer, and {@link org.labelcritic.imaging.critic.CriticModels} finds the ONNX models.
 */
package org.labelcritic.imaging.critic;
