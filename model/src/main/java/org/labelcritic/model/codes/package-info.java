/** The official code list of a census-code dataset: valid codes and their descriptions. */
package org.labelcritic.model.codes;
