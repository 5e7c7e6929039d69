package org.labelcritic.app.ui.team;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.labelcritic.app.ui.Action;
import org.labelcritic.app.ui.I18n;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.report.DatasetSummary;
import org.labelcritic.model.report.ReportWriter;
import org.labelcritic.model.store.Store;

/**
 * The team actions the main window puts in its menus: the dashboard ({@code Ctrl+D}) and the
 * dataset report ({@code Ctrl+Shift+R}). Declared once here, with label and key; the lead adds
 * {@link #dashboard()} and {@link #report()} to the action list.
 *
 * @see DashboardWindow
 */
public final class TeamActions implements AutoCloseable {
  private final I18n i18n;
  private final Supplier<Store> store;
  private final Executor io;
  private final Supplier<Window> owner;
  private final Supplier<String> reviewer;
  private final List<String> css;
  private DashboardWindow dashboard;

  /**
   * @param store the database shown now (it may change when another one is opened)
   * @param io where store and disk work runs
   * @param reviewer the reviewer's name, for the audit log
   */
  public TeamActions(
      I18n i18n,
      Supplier<Store> store,
      Executor io,
      Supplier<Window> owner,
      Supplier<String> reviewer,
      List<String> css) {
    this.i18n = Objects.requireNonNull(i18n, "i18n");
    this.store = Objects.requireNonNull(store, "store");
    this.io = Objects.requireNonNull(io, "io");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.reviewer = Objects.requireNonNull(reviewer, "reviewer");
    this.css = List.copyOf(css);
  }

  public Action dashboard() {
    return Action.of(
        "dashboard",
        i18n.text("team.action.dashboard"),
        new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN),
        this::openDashboard);
  }

  public Action report() {
    return Action.of(
        "report",
        i18n.text("team.action.report"),
        new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
        this::chooseAndWriteReport);
  }

  /** Opens the dashboard for the current database, or brings it to the front. */
  public void openDashboard() {
    if (dashboard != null && dashboard.isShowing()) {
      dashboard.toFront();
      return;
    }
    dashboard = new DashboardWindow(i18n, store.get(), io, owner.get(), css);
    dashboard.show();
  }

  private void chooseAndWriteReport() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(i18n.text("team.report.choose"));
    chooser.setInitialFileName(store.get().dataset().name() + "-report.html");
    chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("HTML", "*.html"));
    java.io.File f = chooser.showSaveDialog(owner.get());
    if (f == null) {
      return;
    }
    writeReport(f.toPath())
        .whenComplete(
            (s, e) ->
                Platform.runLater(
                    () -> {
                      Alert a =
                          new Alert(
                              e == null ? Alert.AlertType.INFORMATION : Alert.AlertType.ERROR);
                      a.initOwner(owner.get());
                      a.setHeaderText(null);
                      a.setContentText(
                          e == null
                              ? i18n.format("team.report.written", f.toPath().toString())
                              : i18n.format(
                                  "team.report.failed",
                                  LabelCriticException.describe(
                                      e.getCause() != null ? e.getCause() : e)));
                      a.show();
                    }));
  }

  /** Writes the report on the executor; what the menu entry runs once a file is chosen. */
  public CompletableFuture<DatasetSummary> writeReport(Path out) {
    Store s = store.get();
    String by = reviewer.get();
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            return ReportWriter.write(s, out, by);
          } catch (LabelCriticException e) {
            throw new java.util.concurrent.CompletionException(e);
          }
        },
        io);
  }

  @Override
  public void close() {
    if (dashboard != null) {
      dashboard.close();
      dashboard = null;
    }
  }
}
