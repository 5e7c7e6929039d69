package org.labelcritic.model.codes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.model.LabelCriticException;

/** The training codes beside a database: plain lines or a CSV, and broken files named. */
class CodeSidecarsTest {
  @TempDir Path dir;

  @Test
  void readsOneCodePerLineOrACsvsFirstColumn() throws Exception {
    Path db = dir.resolve("census.db");
    Path seen = CodeSidecars.seenCodesFile(db);
    assertThat(seen.getFileName().toString()).isEqualTo("census.seen-codes.txt");
    Files.writeString(seen, "\uFEFFcode,count\r\n# common\r\n410,12\r\n\r\n 411 ,3\r\n410,1\r\n");
    assertThat(CodeSidecars.seenCodes(db)).containsExactly("410", "411");
    assertThat(CodeSidecars.seenCodes(dir.resolve("other.db"))).as("none beside it").isNull();
  }

  @Test
  void aMissingOrBrokenFileIsNamedWithWhatIsWrong() throws Exception {
    Path missing = dir.resolve("nope.txt");
    assertThatThrownBy(() -> CodeSidecars.readSeenCodes(missing))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining(missing.toString())
        .hasMessageContaining("does not exist");
    Path latin1 = dir.resolve("latin1.txt");
    Files.write(latin1, "410\nsch\u00e4fer\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> CodeSidecars.readSeenCodes(latin1))
        .isInstanceOf(LabelCriticException.class)
        .hasMessageContaining(latin1.toString())
        .hasMessageContaining("not UTF-8");
  }
}
