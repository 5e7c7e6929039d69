/**
 * The critic contract: a critic takes its input (features of two candidates, rendered images,
 * transcribed codes) and returns a {@link org.labelcritic.model.critic.CriticVerdict}: which
 * candidate is better and how sure, "agree", "unsure", or for a single candidate P(good), with the
 * reasons that drove it. Implementations live where their inputs are made (imaging for mask
 * features and renderings, here for codes).
 */
package org.labelcritic.model.critic;
