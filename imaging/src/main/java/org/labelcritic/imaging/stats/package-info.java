/** The imaging side of the review statistics: Dice between candidates' mask files. */
package org.labelcritic.imaging.stats;
