package org.labelcritic.app.ui.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.app.ui.Action;
import org.labelcritic.app.ui.I18n;
import org.labelcritic.model.store.AuditLog;
import org.labelcritic.model.store.Store;

/** The actions the lead adds to the menus, and the report the menu entry writes. */
class TeamActionsTest {
  @TempDir Path dir;

  @Test
  void theActionsAreDeclaredWithTheirKeysAndTheMenuEntryWritesAnAuditedReport() throws Exception {
    ExecutorService io = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-io"));
    try (Store store = TeamStores.reviewed(dir)) {
      TeamActions actions =
          new TeamActions(
              new I18n(I18n.bundle(Locale.ROOT)),
              () -> store,
              io,
              () -> null,
              () -> "ana",
              List.of());
      Action dashboard = actions.dashboard();
      Action report = actions.report();
      assertThat(dashboard.key())
          .isEqualTo(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN));
      assertThat(report.key())
          .isEqualTo(
              new KeyCodeCombination(
                  KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
      assertThat(dashboard.label()).isEqualTo("Statistics dashboard");

      Path out = dir.resolve("report.html");
      var summary = actions.writeReport(out).get(30, TimeUnit.SECONDS);

      assertThat(summary.reviewed()).isEqualTo(24);
      assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains("abdomen-team");
      assertThat(new AuditLog(store).latest(1))
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.reviewer()).isEqualTo("ana");
                assertThat(e.action()).isEqualTo("export");
              });
    } finally {
      io.shutdownNow();
    }
  }
}
