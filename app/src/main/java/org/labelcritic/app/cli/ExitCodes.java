package org.labelcritic.app.cli;

/** Exit codes of {@code lcw}, documented in its help. */
public final class ExitCodes {
  /** Everything worked. */
  public static final int OK = 0;

  /** The work was done but something was skipped or reported (see the messages). */
  public static final int PROBLEMS = 1;

  /** The command line was wrong (picocli's own code for usage errors). */
  public static final int USAGE = 2;

  /** The work could not be done (a file or database error); nothing partial was saved. */
  public static final int FAILED = 3;

  private ExitCodes() {}
}
