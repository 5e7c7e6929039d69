package org.labelcritic.model.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.domain.Decision;
import org.labelcritic.model.domain.DecisionAction;
import org.labelcritic.model.domain.FlagReason;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.ReviewSession;
import org.slf4j.LoggerFactory;

class AuditLogTest {
  @TempDir Path dir;
  Store store;
  long item;
  long structure;
  ListAppender<ILoggingEvent> lines;
  Logger auditLogger;

  @BeforeEach
  void setUp() throws Exception {
    store = Store.open(dir.resolve("audit.db"));
    structure = store.structureId("code");
    item =
        store.writer().inTransaction(b -> b.item(ItemKind.CELL, "cell-1", null, null, null).id());
    auditLogger = (Logger) LoggerFactory.getLogger(AuditLog.LOGGER);
    lines = new ListAppender<>();
    lines.start();
    auditLogger.addAppender(lines);
  }

  @AfterEach
  void tearDown() throws Exception {
    auditLogger.detachAppender(lines);
    store.close();
  }

  @Test
  void everyDecisionAndSessionWritesAnAuditRowAndALogLine() throws Exception {
    long ann = store.reviews().reviewer("ann").id();
    ReviewSession s = store.reviews().startSession(ann, "laptop-7");
    Decision d =
        store
            .reviews()
            .record(
                new NewDecision(
                    item,
                    structure,
                    ann,
                    OptionalLong.of(s.id()),
                    new DecisionAction.Flag(FlagReason.UNREADABLE),
                    "",
                    OptionalLong.empty(),
                    10));
    store.reviews().endSession(s.id());

    List<AuditLog.Entry> rows = new AuditLog(store).latest(10).reversed();
    assertThat(rows)
        .extracting(AuditLog.Entry::action)
        .containsExactly("session.start", "decision", "session.end");
    assertThat(rows).allSatisfy(e -> assertThat(e.reviewer()).isEqualTo("ann"));
    assertThat(rows.get(1).detail()).contains(d.uid()).contains("FLAG UNREADABLE");
    assertThat(rows.get(0).detail()).contains(s.uid()).contains("laptop-7");
    assertThat(lines.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .anySatisfy(m -> assertThat(m).contains("decision").contains(d.uid()));
  }

  @Test
  void aBatchOfDecisionsWritesOneRowEachAndOneLogLine() throws Exception {
    long critic = store.reviews().reviewer("critic").id();
    store
        .reviews()
        .recordAll(
            List.of(
                NewDecision.of(item, structure, critic, new DecisionAction.Reopen()),
                NewDecision.of(item, structure, critic, new DecisionAction.Reopen())));

    assertThat(new AuditLog(store).count(AuditLog.Kind.DECISION)).isEqualTo(2);
    assertThat(lines.list).hasSize(1);
  }

  @Test
  void auditRowsCannotBeChangedOrRemovedEvenFromOutsideTheProgram() throws Exception {
    new AuditLog(store).record("lead", AuditLog.Kind.SETTINGS, "gold rate 0.05");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.file());
        Statement st = c.createStatement()) {
      assertThatThrownBy(() -> st.executeUpdate("UPDATE audit_log SET detail = 'x'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> st.executeUpdate("DELETE FROM audit_log"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("append-only");
    }
    assertThat(new AuditLog(store).latest(5))
        .singleElement()
        .extracting(AuditLog.Entry::detail)
        .isEqualTo("gold rate 0.05");
  }
}
