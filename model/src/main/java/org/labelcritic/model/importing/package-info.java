/**
 * Importing datasets into the store: the form-cell manifest reader and the report every importer
 * returns (counts plus one problem per bad file or row). Volume import lives in the imaging module
 * because it reads image headers.
 */
package org.labelcritic.model.importing;
