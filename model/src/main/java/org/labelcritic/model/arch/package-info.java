/** Support for the architecture rules the ArchUnit tests enforce. */
package org.labelcritic.model.arch;
