package org.labelcritic.installer;

/** Packaging cannot go on; the message says what is wrong and, where it can, what to do. */
public final class PackagingException extends Exception {
  private static final long serialVersionUID = 1L;

  public PackagingException(String message) {
    super(message);
  }

  public PackagingException(String message, Throwable cause) {
    super(message, cause);
  }
}
