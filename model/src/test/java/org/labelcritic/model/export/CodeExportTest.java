package org.labelcritic.model.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.store.Store;

class CodeExportTest {
  @TempDir Path dir;

  @Test
  void oneRowPerCellSayingWhereItsCodeCameFrom() throws Exception {
    Path out = dir.resolve("out/codes.csv");
    try (Store store = ExportFixture.cells(dir)) {
      CodeExport.Summary s = new CodeExport(store).write(out);
      assertThat(s.rows()).isEqualTo(6);
      assertThat(s.byBasis())
          .containsEntry("accepted", 1L)
          .containsEntry("edited", 1L)
          .containsEntry("flagged", 1L)
          .containsEntry("critic", 1L)
          .containsEntry("highest_confidence", 2L);
    }
    List<String> lines = Files.readAllLines(out);
    assertThat(lines)
        .hasSize(7)
        .first()
        .isEqualTo("item,field,code,code_from,source,flag_reason,decision_id,verdict_id");
    assertThat(lines.get(1)).matches("c1,code,711,accepted,reader-b,,\\d+,");
    // The reviewer's edit "-99" is defused: a spreadsheet must not compute it.
    assertThat(lines.get(2)).matches("c2,code,'-99,edited,ann,,\\d+,");
    assertThat(lines.get(3)).matches("c3,code,,flagged,,UNREADABLE,\\d+,");
    assertThat(lines.get(4)).matches("c4,code,714,critic,reader-b,,,\\d+");
    assertThat(lines.get(5)).isEqualTo("c5,code,415,highest_confidence,'=reader-a,,,");
    // Reopened: undecided again.
    assertThat(lines.get(6)).isEqualTo("c6,code,416,highest_confidence,'=reader-a,,,");
    assertThat(Files.list(out.getParent())).containsExactly(out);
  }

  @Test
  void aFolderAsTargetFailsAndLeavesNothing() throws Exception {
    try (Store store = ExportFixture.cells(dir)) {
      Files.createDirectories(dir.resolve("target"));
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> new CodeExport(store).write(dir.resolve("target")))
          .hasMessageContaining("is a folder");
    }
    assertThat(Files.list(dir.resolve("target"))).isEmpty();
  }
}
