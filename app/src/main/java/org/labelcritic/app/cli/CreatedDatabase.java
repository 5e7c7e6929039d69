package org.labelcritic.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An import that fails before it imported anything must not leave behind an empty database that it
 * created itself (a mistyped manifest would otherwise leave a stray file). A database that existed
 * before, or that holds any item, is never touched.
 */
final class CreatedDatabase {
  private static final Logger LOG = LoggerFactory.getLogger(CreatedDatabase.class);

  private CreatedDatabase() {}

  static void removeIfCreatedAndEmpty(Path db, boolean existedBefore) {
    if (existedBefore || !Files.isRegularFile(db)) {
      return;
    }
    try {
      try (Store store = Store.open(db)) {
        if (store.queries().status().items() > 0) {
          return;
        }
      }
      for (String suffix : new String[] {"", "-wal", "-shm"}) {
        Files.deleteIfExists(Path.of(db + suffix));
      }
    } catch (LabelCriticException | IOException e) {
      LOG.warn("Could not remove the empty database {} that a failed import created", db, e);
    }
  }
}
