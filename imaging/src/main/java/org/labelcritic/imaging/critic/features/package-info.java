/**
 * Feature extraction for the feature critic: {@link
 * org.labelcritic.imaging.critic.features.FeatureExtractor} turns a candidate mask on its CT into a
 * fixed, named, NaN-free {@link org.labelcritic.imaging.critic.features.FeatureVector} (volume and
 * HU against {@link org.labelcritic.imaging.critic.features.OrganPriors}, components, boundary
 * gradient, sphericity, slice gaps, side, overlap with the same source's structures, agreement with
 * the other sources) and a pair of candidates into their differences. Scan-wide inputs (the
 * mid-sagittal plane, the slice axis) are computed once per scan in a {@link
 * org.labelcritic.imaging.critic.features.ScanContext}.
 */
package org.labelcritic.imaging.critic.features;
