/**
 * Exports of final labels as files: {@link org.labelcritic.imaging.export.LabelExporter} writes the
 * final mask of each volume and structure on its CT's grid in the AbdomenAtlas layout, with a
 * provenance file per case. Which label is final is decided in {@code
 * org.labelcritic.model.export}.
 */
package org.labelcritic.imaging.export;
