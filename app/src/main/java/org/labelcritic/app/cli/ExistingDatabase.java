package org.labelcritic.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.store.Store;

/** Opens a database that must exist: exporters read, so a mistyped path must not create one. */
final class ExistingDatabase {
  private ExistingDatabase() {}

  static Store open(Path db) throws LabelCriticException {
    if (!Files.isRegularFile(db)) {
      throw LabelCriticException.inFile(db, "no such database");
    }
    return Store.open(db);
  }
}
