package org.labelcritic.app.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.Dialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DialogService} with JavaFX dialogs and ControlsFX notifications. Call on the FX thread.
 */
public final class FxDialogService implements DialogService {
  private static final Logger LOG = LoggerFactory.getLogger(FxDialogService.class);

  private final Supplier<Window> owner;
  private final I18n i18n;
  private final List<String> stylesheets;

  /**
   * @param owner the window dialogs belong to (may supply null before the window is shown)
   * @param stylesheets applied to dialogs so they look like the window
   */
  public FxDialogService(Supplier<Window> owner, I18n i18n, List<String> stylesheets) {
    this.owner = Objects.requireNonNull(owner, "owner");
    this.i18n = Objects.requireNonNull(i18n, "i18n");
    this.stylesheets = List.copyOf(stylesheets);
  }

  @Override
  public void notifyError(String title, String message) {
    Window window = owner.get();
    if (window == null || !window.isShowing()) {
      // Nothing to attach a popup to (e.g. a headless screenshot); the status bar still says it.
      LOG.info("no window for a notification: {}", message);
      return;
    }
    Notifications.create()
        .title(title)
        .text(message)
        .owner(window)
        .hideAfter(Duration.seconds(10))
        .showError();
  }

  @Override
  public void showKeys(List<Action> actions) {
    show(KeysDialog.create(owner.get(), actions, i18n));
  }

  @Override
  public void showAbout() {
    Alert about = new Alert(Alert.AlertType.INFORMATION);
    about.setTitle(i18n.text("about.title"));
    about.setHeaderText(i18n.format("about.header", version()));
    about.setContentText(i18n.text("about.text"));
    about.getDialogPane().setId("about-dialog");
    if (owner.get() != null) {
      about.initOwner(owner.get());
    }
    show(about);
  }

  @Override
  public CompletableFuture<Optional<FlagChoice>> askFlag(String about) {
    CompletableFuture<Optional<FlagChoice>> answer = new CompletableFuture<>();
    Dialog<Optional<FlagChoice>> dialog = FlagDialog.create(owner.get(), about, i18n);
    dialog.setOnHidden(
        e -> answer.complete(dialog.getResult() == null ? Optional.empty() : dialog.getResult()));
    show(dialog);
    return answer;
  }

  @Override
  public Optional<Path> chooseDatabase() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(i18n.text("open.title"));
    chooser
        .getExtensionFilters()
        .addAll(
            new FileChooser.ExtensionFilter(i18n.text("open.filter.db"), "*.db", "*.sqlite"),
            new FileChooser.ExtensionFilter(i18n.text("open.filter.all"), "*"));
    File file = chooser.showOpenDialog(owner.get());
    return Optional.ofNullable(file).map(File::toPath);
  }

  private void show(Dialog<?> dialog) {
    dialog.getDialogPane().getStylesheets().addAll(stylesheets);
    // Not showAndWait: a nested event loop would block the caller (and TestFX) until closed.
    dialog.show();
  }

  private String version() {
    String v = FxDialogService.class.getPackage().getImplementationVersion();
    return v == null ? i18n.text("about.version.dev") : v;
  }
}
