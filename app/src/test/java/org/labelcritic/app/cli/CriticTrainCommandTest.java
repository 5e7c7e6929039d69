package org.labelcritic.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labelcritic.app.cli.CriticFixtures.Run;

class CriticTrainCommandTest {
  @TempDir Path dir;

  @Test
  void trainAndEvalRefuseAFolderThatIsNotTheDemo() throws Exception {
    Run train =
        CriticFixtures.lcw(
            dir, "critic", "train", "--demo", dir.toString(), "--out", dir.resolve("o").toString());
    assertThat(train.exit()).isNotZero();
    assertThat(train.err()).contains("not the demo volumes folder");
    Run eval = CriticFixtures.lcw(dir, "critic", "eval", "--demo", dir.toString());
    assertThat(eval.exit()).isNotZero();
    assertThat(eval.err()).contains("not the demo volumes folder");
  }

  @Test
  void theCriticCommandListsTrainAndEval() throws Exception {
    Run help = CriticFixtures.lcw(dir, "critic", "--help");
    assertThat(help.out()).contains("train", "eval", "eval-codes");
  }
}
