package org.labelcritic.app.ui;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * Dialogs for tests: errors are recorded instead of popped up, the flag dialog answers what the
 * test queued, and F1 shows the real keys dialog (it is what the user must see).
 */
final class TestDialogs implements DialogService {
  final List<String> notified = new ArrayList<>();
  final List<String> flagQuestions = new ArrayList<>();
  final Deque<Optional<FlagChoice>> flagAnswers = new ArrayDeque<>();
  private final Supplier<Window> owner;

  TestDialogs(Supplier<Window> owner) {
    this.owner = owner;
  }

  @Override
  public void notifyError(String title, String message) {
    notified.add(message);
  }

  @Override
  public void showKeys(List<Action> actions) {
    new FxDialogService(owner, new I18n(I18n.bundle(Locale.ROOT)), List.of()).showKeys(actions);
  }

  @Override
  public void showAbout() {}

  @Override
  public CompletableFuture<Optional<FlagChoice>> askFlag(String about) {
    flagQuestions.add(about);
    Optional<FlagChoice> answer = flagAnswers.isEmpty() ? Optional.empty() : flagAnswers.poll();
    return CompletableFuture.completedFuture(answer);
  }

  @Override
  public Optional<Path> chooseDatabase() {
    return Optional.empty();
  }
}
