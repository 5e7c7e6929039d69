/**
 * Evaluating critics against published ground truth: a strict NumPy {@code .npy} reader, cleanlab's
 * crowd-validated label errors, and precision/recall of a ranking's top k.
 */
package org.labelcritic.model.critic.eval;
