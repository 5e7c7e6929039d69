package org.labelcritic.app.ui.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
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
    var ok = (Button) dialog.getDialogPane().lookupButton(ButtonType.OK);
    assertThat(ok.isDisabled()).isTrue();

    // Focus and the OK button are worked on the FX thread: TestFX's clickOn computes the node's
    // screen bounds on the test thread, a race with the FX thread's pulse that once corrupted this
    // dialog's scene graph (IndexOutOfBoundsException in Parent.updateCachedBounds) and with it
    // every later test of the run. Typing goes through the robot, as a reviewer types.
    focusField();
    robot.write("critic");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(ok.isDisabled()).isTrue();
    assertThat(robot.lookup("#reviewer-name-problem").queryAs(Label.class).getText())
        .contains("reserved");

    WaitForAsyncUtils.asyncFx(() -> dialog.field().setText("")).get(10, TimeUnit.SECONDS);
    focusField();
    robot.write("Ana Lima");
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(ok.isDisabled()).isFalse();
    WaitForAsyncUtils.asyncFx(ok::fire).get(10, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
    assertThat(dialog.getResult()).isEqualTo("Ana Lima");
  }

  private void focusField() throws Exception {
    WaitForAsyncUtils.asyncFx(
            () -> {
              dialog.getDialogPane().getScene().getWindow().requestFocus();
              dialog.field().requestFocus();
            })
        .get(10, TimeUnit.SECONDS);
    WaitForAsyncUtils.waitForFxEvents();
  }
}
