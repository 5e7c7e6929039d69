package org.labelcritic.app.ui.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.store.AuditLog;
import org.labelcritic.model.store.Store;

class ReviewerSettingsTest {
  @TempDir Path dir;

  @Test
  void aFirstStartHasNoNameAndASavedNameIsReadBack() throws Exception {
    ReviewerSettings s = new ReviewerSettings(dir.resolve("data"));
    assertThat(s.name()).isEmpty();

    s.save("  Ana Lima ", Optional.empty());

    assertThat(s.name()).contains("Ana Lima");
    assertThat(new ReviewerSettings(dir.resolve("data")).name()).contains("Ana Lima");
  }

  @Test
  void changingTheNameIsAuditedInTheOpenDatabase() throws Exception {
    ReviewerSettings s = new ReviewerSettings(dir);
    try (Store store = Store.open(dir.resolve("d.db"))) {
      s.save("ana", Optional.of(store));
      s.save("ana lima", Optional.of(store));
      assertThat(new AuditLog(store).latest(5))
          .extracting(AuditLog.Entry::detail)
          .containsExactly(
              "reviewer name changed from 'ana' to 'ana lima'", "reviewer name set to 'ana'");
    }
  }

  @Test
  void badNamesAndNewerFilesAreRefusedWithTheReason() throws Exception {
    ReviewerSettings s = new ReviewerSettings(dir);
    assertThatThrownBy(() -> s.save("critic", Optional.empty()))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining("reserved");
    assertThatThrownBy(() -> s.save("a,b", Optional.empty())).hasMessageContaining("commas");
    assertThatThrownBy(() -> s.save(" ", Optional.empty())).hasMessageContaining("needs a name");
    assertThat(ReviewerSettings.nameProblem("x".repeat(81)))
        .contains(ReviewerSettings.NameProblem.TOO_LONG);

    Files.writeString(s.file(), "version=9\nname=ana\n", StandardCharsets.UTF_8);
    assertThatThrownBy(s::name)
        .hasMessageContaining(s.file().toString())
        .hasMessageContaining("settings version 9");
  }
}
