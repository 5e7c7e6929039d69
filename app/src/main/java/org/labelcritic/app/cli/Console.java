package org.labelcritic.app.cli;

import java.io.PrintWriter;
import org.labelcritic.model.arch.ArchitectureExemption;

/** Where the command line prints: results to standard output, problems to standard error. */
@ArchitectureExemption("the command line's output is the terminal; everything else logs via SLF4J")
public final class Console {
  private final PrintWriter out;
  private final PrintWriter err;

  public Console(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /** The process's own standard streams. */
  public static Console system() {
    return new Console(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
  }

  public void println(String line) {
    out.println(line);
    out.flush();
  }

  /** Rewrites the current terminal line (a progress bar); ends without a newline. */
  public void progress(String line) {
    out.print('\r' + line);
    out.flush();
  }

  public void error(String line) {
    err.println(line);
    err.flush();
  }

  public PrintWriter out() {
    return out;
  }

  public PrintWriter err() {
    return err;
  }
}
