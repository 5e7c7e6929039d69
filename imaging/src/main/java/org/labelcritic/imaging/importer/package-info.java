/**
 * The volume importer: CTs with competing label sources in the AbdomenAtlas layout, read from
 * headers only (no voxel is decoded at import), structures matched across sources by name.
 */
package org.labelcritic.imaging.importer;
