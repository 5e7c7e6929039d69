/**
 * Label tables (voxel value to label name) read from JSON, CSV or a NIfTI header extension, and the
 * {@link org.labelcritic.imaging.labels.StructureMap} that turns label names from any source into
 * the canonical structure names the workbench reviews. Structures are matched across sources by
 * name, never by label number: model versions number the same organ differently.
 */
package org.labelcritic.imaging.labels;
