package org.labelcritic.model;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The one checked exception of the project. It carries a message a user can act on: which file,
 * which row or field, and what is wrong. It is logged once where it is handled and its {@link
 * #getMessage()} is what a user sees; a stack trace is never shown to a user.
 */
public class LabelCriticException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  public LabelCriticException(Problem problem) {
    super(problem.message());
    this.problem = problem;
  }

  public LabelCriticException(Problem problem, Throwable cause) {
    super(problem.message(), cause);
    this.problem = problem;
  }

  /** A problem with no file, for settings and arguments. */
  public LabelCriticException(String what) {
    this(Problem.of(null, what));
  }

  public static LabelCriticException inFile(Path file, String what) {
    return new LabelCriticException(Problem.of(file, what));
  }

  public static LabelCriticException inFile(Path file, String what, Throwable cause) {
    return new LabelCriticException(Problem.of(file, what), cause);
  }

  public static LabelCriticException atRow(Path file, long row, String field, String what) {
    return new LabelCriticException(Problem.atRow(file, row, field, what));
  }

  public Problem problem() {
    return problem;
  }

  public Optional<Path> file() {
    return Optional.ofNullable(problem.file());
  }

  /** Convenience for callers that only need the text. */
  public static String describe(Throwable t) {
    Objects.requireNonNull(t);
    if (t instanceof LabelCriticException lce) {
      return lce.getMessage();
    }
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}
