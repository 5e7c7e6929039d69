package org.labelcritic.app.ui.team;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.store.AuditLog;
import org.labelcritic.model.store.Store;

/**
 * The reviewer's own settings, in {@code reviewer.properties} in the application's data folder: the
 * name they gave on first start (key {@code name}, format version in {@code version}).
 */
public final class ReviewerSettings {
  /** The file's format version. */
  static final int VERSION = 1;

  /** The longest name accepted. */
  public static final int MAX_NAME = 80;

  private final Path file;

  public ReviewerSettings(Path dataDir) {
    this.file = dataDir.resolve("reviewer.properties");
  }

  public Path file() {
    return file;
  }

  /** The saved name; empty when none was saved yet (first start) or the file holds none. */
  public Optional<String> name() throws LabelCriticException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException | IllegalArgumentException e) {
      throw LabelCriticException.inFile(
          file, "cannot read the reviewer settings: " + e.getMessage(), e);
    }
    String v = p.getProperty("version", "1").strip();
    if (!v.equals(String.valueOf(VERSION))) {
      throw LabelCriticException.inFile(
          file, "has settings version " + v + "; this program reads version " + VERSION);
    }
    return validName(p.getProperty("name", "")).isEmpty()
        ? Optional.of(p.getProperty("name").strip())
        : Optional.empty();
  }

  /**
   * Saves the name (replacing the file whole) and, when a database is open, records the change in
   * its audit log.
   */
  public void save(String name, Optional<Store> auditTo) throws LabelCriticException {
    Optional<String> problem = validName(name);
    if (problem.isPresent()) {
      throw new LabelCriticException(problem.get());
    }
    String old = name().orElse("");
    Properties p = new Properties();
    p.setProperty("version", String.valueOf(VERSION));
    p.setProperty("name", name.strip());
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), ".reviewer-", ".tmp");
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        p.store(w, "LabelCritic Workbench: the reviewer using this account");
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw LabelCriticException.inFile(
          file, "cannot save the reviewer settings: " + e.getMessage(), e);
    }
    if (auditTo.isPresent()) {
      new AuditLog(auditTo.get())
          .record(
              name.strip(),
              AuditLog.Kind.SETTINGS,
              "reviewer name "
                  + (old.isEmpty() ? "set to '" : "changed from '" + old + "' to '")
                  + name.strip()
                  + "'");
    }
  }

  /** Why a name is not acceptable. */
  public enum NameProblem {
    EMPTY("a reviewer needs a name"),
    TOO_LONG("a reviewer name has at most " + MAX_NAME + " characters"),
    BAD_CHARACTERS("a reviewer name cannot contain commas or control characters"),
    RESERVED("the name 'critic' is reserved for the automatic adopter");

    private final String message;

    NameProblem(String message) {
      this.message = message;
    }

    public String message() {
      return message;
    }
  }

  /** Why a name is not acceptable, if it is not. */
  public static Optional<NameProblem> nameProblem(String name) {
    if (name == null || name.isBlank()) {
      return Optional.of(NameProblem.EMPTY);
    }
    String n = name.strip();
    if (n.length() > MAX_NAME) {
      return Optional.of(NameProblem.TOO_LONG);
    }
    if (n.chars().anyMatch(Character::isISOControl) || n.contains(",")) {
      return Optional.of(NameProblem.BAD_CHARACTERS);
    }
    if (n.equals(org.labelcritic.model.worker.AutoAdopter.REVIEWER)) {
      return Optional.of(NameProblem.RESERVED);
    }
    return Optional.empty();
  }

  private static Optional<String> validName(String name) {
    return nameProblem(name).map(NameProblem::message);
  }
}
