package org.labelcritic.model.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvCellsTest {
  @Test
  void cellsThatASpreadsheetWouldRunAsFormulasGetAnApostrophe() {
    assertThat(CsvCells.cell("=1+2")).isEqualTo("'=1+2");
    assertThat(CsvCells.cell("+1")).isEqualTo("'+1");
    assertThat(CsvCells.cell("-1")).isEqualTo("'-1");
    assertThat(CsvCells.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvCells.cell("\t=x")).isEqualTo("'\t=x");
    assertThat(CsvCells.cell("\r=x")).isEqualTo("\"'\r=x\"");
  }

  @Test
  void cellsAreQuotedPerRfc4180() {
    assertThat(CsvCells.cell("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvCells.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(CsvCells.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    assertThat(CsvCells.cell("liver")).isEqualTo("liver");
    assertThat(CsvCells.cell("")).isEmpty();
    assertThat(CsvCells.cell(null)).isEmpty();
  }

  @Test
  void aLineJoinsEscapedCellsAndEndsInCrLf() {
    assertThat(CsvCells.line(Arrays.asList("a", "=b", "c,d", null)))
        .isEqualTo("a,'=b,\"c,d\",\r\n");
  }
}
