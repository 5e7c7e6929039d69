package org.labelcritic.app.ui.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.labelcritic.app.ui.I18n;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The first-start dialog: a name is typed; OK is only possible with an acceptable name. */
class ReviewerNameDialogTest {
  final FxRobot robot = new FxRobot();
  ReviewerNameDialog dialog;

  @BeforeAll
  static void platform() throws Exception {
    FxToolkit.registerPrimaryStage();
  }

  @AfterEach
  void close() throws Exception {
    WaitForAsyncUtils.asyncFx(() -> dialog.close()).get(10, TimeUnit.SECONDS);
    FxToolkit.cleanupStages();
  }

  @Test
  void okIsOnlyPossibleWithAnAcceptableNameAndReturnsIt() throws Exception {
    dialog =
        WaitForAsyncUtils.asyncFx(
                () -> {
                  ReviewerNameDialog d =
                      new ReviewerNameDialog(new I18n(I18n.bundle(Locale.ROOT)), null, "");
                  d.show();
                  return d;
                })
            .get(10, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    var ok = dialog.getDialogPane().lookupButton(ButtonType.OK);
    assertThat(ok.isDisabled()).isTrue();

    robot.clickOn("#reviewer-name").write("critic");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(ok.isDisabled()).isTrue();
    assertThat(robot.lookup("#reviewer-name-problem").queryAs(Label.class).getText())
        .contains("reserved");

    WaitForAsyncUtils.asyncFx(() -> dialog.field().setText("")).get(10, TimeUnit.SECONDS);
    robot.clickOn("#reviewer-name").write("Ana Lima");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(ok.isDisabled()).isFalse();
    robot.clickOn("#reviewer-name-ok");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(dialog.getResult()).isEqualTo("Ana Lima");
  }
}
