/**
 * A strict, fast CSV reader for untrusted input: RFC 4180 quoting, UTF-8 checked field by field (a
 * bad byte sequence is reported with its row instead of turning into replacement characters), a BOM
 * and Windows line endings tolerated.
 */
package org.labelcritic.model.csv;
