/**
 * The {@code lcw} command line (picocli). {@link org.labelcritic.app.cli.Console} is the one class
 * that writes to the terminal; commands report problems as one line naming the file, row and what
 * is wrong, never a stack trace.
 */
package org.labelcritic.app.cli;
