/**
 * Training data by design: {@link org.labelcritic.imaging.critic.errors.ErrorGenerator} perturbs a
 * good organ mask on its CT the way AI labels really fail ({@link
 * org.labelcritic.imaging.critic.errors.ErrorType}: under/over-segmentation, spill into a
 * neighbour, dropped slices, truncation, extra fragments, holes, left/right swap, shift), with a
 * severity that maps to a physical size and a seed, and records the Dice to the original. {@link
 * org.labelcritic.imaging.critic.errors.MaskEdits} holds the mask edits it is built from.
 */
package org.labelcritic.imaging.critic.errors;
