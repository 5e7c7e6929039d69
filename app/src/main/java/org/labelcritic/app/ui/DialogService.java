package org.labelcritic.app.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The dialogs and notifications the main window needs, behind an interface so that logic using them
 * can be tested without windows.
 */
public interface DialogService {
  /** Tells the user about a problem without blocking (a popup notification). */
  void notifyError(String title, String message);

  /** Shows every declared action with its key. */
  void showKeys(List<Action> actions);

  /** Shows what the program is and its version. */
  void showAbout();

  /**
   * Asks why an item is flagged (a reason and a note) without blocking the caller; completes with
   * empty when the user cancels.
   *
   * @param about the item and structure, as the dialog names them
   */
  CompletableFuture<Optional<FlagChoice>> askFlag(String about);

  /** Asks for a database file to open; empty when the user cancels. */
  Optional<Path> chooseDatabase();
}
