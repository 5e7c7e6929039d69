package org.labelcritic.model.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.export.DecisionLogExport.Format;
import org.labelcritic.model.store.ExportQueries;
import org.labelcritic.model.store.Store;

class DecisionLogExportTest {
  @TempDir Path dir;

  @Test
  void theCsvHoldsEveryDecisionAlsoSupersededOnesWithFormulasDefused() throws Exception {
    Path out = dir.resolve("decisions.csv");
    try (Store store = ExportFixture.cells(dir)) {
      assertThat(new DecisionLogExport(new ExportQueries(store)).write(out, Format.CSV))
          .isEqualTo(6);
    }
    String text = Files.readString(out);
    List<String> lines = text.lines().toList();
    assertThat(lines.getFirst()).isEqualTo(String.join(",", DecisionLogExport.COLUMNS));
    // 6 decisions; the flag's note spans two lines inside one quoted cell.
    assertThat(text.split("\r\n")).hasSize(7);
    assertThat(lines.get(1))
        .matches("1,[0-9a-f-]{36},c1,CELL,code,ann,,ACCEPT,\\d+,reader-b,0,,,,,0,.+Z");
    assertThat(lines.get(2)).contains(",c2,CELL,code,ann,,ACCEPT,").contains(",'=reader-a,0,");
    assertThat(lines.get(3)).contains(",EDIT,").contains(",ann,0,,,,2,0,");
    assertThat(lines.get(4))
        .contains(",c3,CELL,code,ann,,FLAG,,,,UNREADABLE,\"'=HYPERLINK(\"\"x\"\")");
    assertThat(lines.get(5)).startsWith("second line\",,,1500,");
    assertThat(lines.get(7)).contains(",REOPEN,,,,,,,5,0,");
  }

  @Test
  void jsonLinesHoldOneDecisionPerLineWithTypedValues() throws Exception {
    Path out = dir.resolve("sub/decisions.jsonl");
    try (Store store = ExportFixture.cells(dir)) {
      new DecisionLogExport(new ExportQueries(store)).write(out, Format.JSONL);
    }
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(6);
    ObjectMapper json = new ObjectMapper();
    JsonNode flag = json.readTree(lines.get(3));
    assertThat(flag.get("action").asText()).isEqualTo("FLAG");
    assertThat(flag.get("flag_reason").asText()).isEqualTo("UNREADABLE");
    assertThat(flag.get("note").asText()).isEqualTo("=HYPERLINK(\"x\")\nsecond line");
    assertThat(flag.get("candidate_id").isNull()).isTrue();
    assertThat(flag.get("time_spent_ms").asLong()).isEqualTo(1500);
    JsonNode edit = json.readTree(lines.get(2));
    assertThat(edit.get("candidate_source").asText()).isEqualTo("ann");
    assertThat(edit.get("supersedes_id").asLong()).isEqualTo(2);
    assertThat(edit.get("item_kind").asText()).isEqualTo("CELL");
    assertThat(Files.list(out.getParent())).containsExactly(out);
  }
}
