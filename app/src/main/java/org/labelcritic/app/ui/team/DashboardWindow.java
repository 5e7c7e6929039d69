package org.labelcritic.app.ui.team;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.labelcritic.app.ui.I18n;
import org.labelcritic.model.store.Store;

/**
 * The dashboard in its own window. It owns a one-thread scheduler that only triggers polls (the
 * store work runs on the caller's {@code io} executor) and shuts it down when the window closes.
 */
public final class DashboardWindow {
  /** How often the dashboard looks for new decisions. */
  public static final Duration POLL = Duration.ofSeconds(3);

  private final Stage stage;
  private final DashboardViewModel vm;
  private final ScheduledExecutorService scheduler;

  /** Builds the window on the FX thread; {@link #show()} shows it and starts polling. */
  public DashboardWindow(I18n i18n, Store store, Executor io, Window owner, List<String> css) {
    Objects.requireNonNull(store, "store");
    vm = new DashboardViewModel(i18n, store, io, Platform::runLater);
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "lcw-dashboard-poll");
              t.setDaemon(true);
              return t;
            });
    Scene scene = new Scene(DashboardView.create(vm, i18n), 1280, 860);
    scene.getStylesheets().addAll(css);
    stage = new Stage();
    if (owner != null) {
      stage.initOwner(owner);
    }
    stage.setTitle(i18n.format("team.dashboard.title", store.dataset().name()));
    stage.setScene(scene);
    stage.setOnHidden(e -> close());
  }

  public void show() {
    vm.start(scheduler, POLL);
    stage.show();
    stage.toFront();
  }

  public boolean isShowing() {
    return stage.isShowing();
  }

  public void toFront() {
    stage.toFront();
  }

  public DashboardViewModel viewModel() {
    return vm;
  }

  /** Stops polling and closes the window. */
  public void close() {
    vm.stop();
    scheduler.shutdownNow();
    if (stage.isShowing()) {
      stage.hide();
    }
  }
}
