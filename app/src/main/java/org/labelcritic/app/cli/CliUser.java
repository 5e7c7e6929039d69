package org.labelcritic.app.cli;

/** Who runs a command, for the audit log: the operating system's user name. */
final class CliUser {
  private CliUser() {}

  /** Appends the audit row of an export of {@code what} to {@code out}. */
  static void exported(org.labelcritic.model.store.Store store, String what, java.nio.file.Path out)
      throws org.labelcritic.model.LabelCriticException {
    new org.labelcritic.model.store.AuditLog(store)
        .record(
            name(),
            org.labelcritic.model.store.AuditLog.Kind.EXPORT,
            what + " to " + out.toAbsolutePath().normalize());
  }

  static String name() {
    String n = System.getProperty("user.name", "");
    return n.isBlank() ? "(command line)" : n + " (command line)";
  }
}
