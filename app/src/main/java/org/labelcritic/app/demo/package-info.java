/**
 * The bundled demo dataset: unpacked from the resources jar into the user's data folder on first
 * start, then imported into its own database (real CTs with competing TotalSegmentator labels, and
 * form cells composed from real handwritten digits).
 */
package org.labelcritic.app.demo;
