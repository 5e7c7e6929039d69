package org.labelcritic.app.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.TextFields;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.ReviewStatus;
import org.labelcritic.model.store.QueueRow;
import org.labelcritic.model.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workbench's main window: menu bar and toolbar built from one list of {@link Action}s, the
 * review queue, the detail area and the status bar. Build it on the FX thread, put {@link #scene()}
 * on a stage and call {@link #reload()}.
 *
 * <p>The store passed in stays the caller's. A database opened with File › Open belongs to this
 * window: it is closed when another one replaces it and by {@link #close()}. The executor is the
 * caller's too and is never shut down here.
 */
public final class MainWindow implements AutoCloseable {
  public static final double DEFAULT_WIDTH = 1280;
  public static final double DEFAULT_HEIGHT = 800;

  private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);

  private final I18n i18n;
  private final Executor io;
  private final Consumer<Runnable> fx;
  private final DialogService dialogs;
  private final QueueViewModel queue;
  private final StatusBarViewModel status;
  private final DetailViewModel detail;
  private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper(this, "opening");
  private final BooleanBinding busy;
  private final List<Action> actions;
  private final TableView<QueueRow> table;
  private final TextField filterField;
  private final Scene scene;
  private Store ownedStore;
  private Runnable onQuit;
  private String lastNotified = "";

  /** A window of the default size that runs store calls on {@code io}. */
  public MainWindow(Store store, Executor io, ResourceBundle bundle) {
    this(store, io, bundle, Platform::runLater, null, DEFAULT_WIDTH, DEFAULT_HEIGHT);
  }

  /**
   * @param fx applies background results on the FX thread ({@code Platform::runLater})
   * @param dialogs null for real dialogs and notifications
   */
  MainWindow(
      Store store,
      Executor io,
      ResourceBundle bundle,
      Consumer<Runnable> fx,
      DialogService dialogs,
      double width,
      double height) {
    Objects.requireNonNull(store, "store");
    this.i18n = new I18n(bundle);
    this.io = Objects.requireNonNull(io, "io");
    this.fx = Objects.requireNonNull(fx, "fx");
    this.queue = new QueueViewModel(store, io, fx);
    this.status = new StatusBarViewModel(i18n, store, io, fx);
    this.detail = new DetailViewModel(i18n, queue.selectedProperty());
    this.busy = queue.loadingProperty().or(status.loadingProperty()).or(opening);
    String css =
        Objects.requireNonNull(MainWindow.class.getResource("workbench.css")).toExternalForm();
    this.dialogs =
        dialogs != null ? dialogs : new FxDialogService(this::window, i18n, List.of(css));
    this.onQuit = () -> Optional.ofNullable(window()).ifPresent(Window::hide);

    table = QueueTable.create(queue, i18n);
    filterField = TextFields.createClearableTextField();
    actions = declareActions();

    BorderPane root = new BorderPane();
    root.setId("main-window");
    root.setTop(new VBox(menuBar(), toolBar()));
    SplitPane split = new SplitPane(table, DetailView.create(detail, i18n));
    split.setDividerPositions(0.72);
    SplitPane.setResizableWithParent(split.getItems().get(1), false);
    root.setCenter(split);
    root.setBottom(StatusBarView.create(status, queue, busy, i18n));

    scene = new Scene(root, width, height);
    scene.getStylesheets().add(css);
    ActionControls.installAccelerators(scene, actions);

    queue.errorProperty().addListener((o, a, e) -> showError(e));
    status.errorProperty().addListener((o, a, e) -> showError(e));
    // Arrow keys should work at once: give the queue the focus when its first rows arrive.
    queue
        .loadedProperty()
        .addListener(
            (o, a, loaded) -> {
              if (loaded) {
                table.requestFocus();
              }
            });
  }

  private List<Action> declareActions() {
    return List.of(
        new Action(
            "open",
            i18n.text("action.open"),
            new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
            this::chooseAndOpen,
            busy),
        new Action(
            "reload",
            i18n.text("action.reload"),
            new KeyCodeCombination(KeyCode.F5),
            this::reload,
            busy),
        Action.of(
            "filter",
            i18n.text("action.filter"),
            new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
            filterField::requestFocus),
        Action.of(
            "quit",
            i18n.text("action.quit"),
            new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
            () -> onQuit.run()),
        Action.of(
            "keys",
            i18n.text("action.keys"),
            new KeyCodeCombination(KeyCode.F1),
            () -> dialogs.showKeys(actions)),
        Action.of("about", i18n.text("action.about"), null, dialogs::showAbout));
  }

  private MenuBar menuBar() {
    Menu file = new Menu(i18n.text("menu.file"));
    file.getItems()
        .addAll(
            ActionControls.menuItem(action("open")),
            new SeparatorMenuItem(),
            ActionControls.menuItem(action("quit")));
    Menu queueMenu = new Menu(i18n.text("menu.queue"));
    queueMenu
        .getItems()
        .addAll(
            ActionControls.menuItem(action("reload")), ActionControls.menuItem(action("filter")));
    Menu help = new Menu(i18n.text("menu.help"));
    help.getItems()
        .addAll(ActionControls.menuItem(action("keys")), ActionControls.menuItem(action("about")));
    MenuBar bar = new MenuBar(file, queueMenu, help);
    bar.setId("menu-bar");
    return bar;
  }

  private ToolBar toolBar() {
    ChoiceBox<Optional<ReviewStatus>> statusChoice = new ChoiceBox<>();
    statusChoice.setId("queue-filter-status");
    statusChoice.getItems().add(Optional.empty());
    for (ReviewStatus s : ReviewStatus.values()) {
      statusChoice.getItems().add(Optional.of(s));
    }
    statusChoice.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(Optional<ReviewStatus> s) {
            return s == null || s.isEmpty()
                ? i18n.text("filter.status.all")
                : StatusTexts.status(i18n, s.get());
          }

          @Override
          public Optional<ReviewStatus> fromString(String text) {
            throw new UnsupportedOperationException("the status choice is not editable");
          }
        });
    statusChoice.getSelectionModel().selectFirst();
    statusChoice
        .getSelectionModel()
        .selectedItemProperty()
        .addListener(
            (o, a, s) -> queue.statusFilterProperty().set(s == null ? null : s.orElse(null)));

    filterField.setId("queue-filter-text");
    filterField.setPromptText(i18n.text("filter.text.prompt"));
    filterField.setPrefColumnCount(22);
    filterField.textProperty().bindBidirectional(queue.textFilterProperty());

    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    ToolBar bar =
        new ToolBar(
            ActionControls.button(action("open")),
            ActionControls.button(action("reload")),
            new javafx.scene.control.Separator(),
            statusChoice,
            filterField,
            spacer,
            ActionControls.button(action("keys")));
    bar.setId("tool-bar");
    return bar;
  }

  /** Reloads queue and counts in the background; call on the FX thread. */
  public CompletableFuture<Void> reload() {
    lastNotified = "";
    return CompletableFuture.allOf(queue.reload(), status.reload());
  }

  /** Opens another database in the background and shows it; problems go to the status bar. */
  public void openDatabase(Path file) {
    opening.set(true);
    CompletableFuture.supplyAsync(
            () -> {
              try {
                return Store.open(file);
              } catch (LabelCriticException e) {
                throw new CompletionException(e);
              }
            },
            io)
        .whenComplete((opened, failure) -> fx.accept(() -> switchTo(opened, failure)));
  }

  private void chooseAndOpen() {
    dialogs.chooseDatabase().ifPresent(this::openDatabase);
  }

  private void switchTo(Store opened, Throwable failure) {
    opening.set(false);
    if (failure != null) {
      Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
      status.reportError(LabelCriticException.describe(cause));
      return;
    }
    Store previous = ownedStore;
    ownedStore = opened;
    queue.setStore(opened);
    status.setStore(opened);
    reload();
    if (previous != null) {
      io.execute(() -> closeQuietly(previous));
    }
  }

  private void showError(String message) {
    if (message == null || message.isEmpty()) {
      return;
    }
    status.reportError(message);
    // The queue and the counts often fail for the same reason; one popup is enough.
    if (!message.equals(lastNotified)) {
      lastNotified = message;
      dialogs.notifyError(i18n.text("error.title"), message);
    }
  }

  private Action action(String id) {
    return actions.stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
  }

  private Window window() {
    return scene == null ? null : scene.getWindow();
  }

  public Scene scene() {
    return scene;
  }

  /** The declared actions, in the order the keys dialog lists them. */
  public List<Action> actions() {
    return actions;
  }

  public QueueViewModel queue() {
    return queue;
  }

  public StatusBarViewModel statusBar() {
    return status;
  }

  /** True while anything is loading. */
  public BooleanBinding busyBinding() {
    return busy;
  }

  /** A window title naming the dataset, for the stage. */
  public StringExpression title() {
    return Bindings.createStringBinding(
        () -> i18n.format("app.window.title", status.datasetNameProperty().get()),
        status.datasetNameProperty());
  }

  /** What File › Quit does; by default it hides the window. */
  public void setOnQuit(Runnable onQuit) {
    this.onQuit = Objects.requireNonNull(onQuit, "onQuit");
  }

  /** Closes a database this window opened itself (blocking: call off the FX thread or at exit). */
  @Override
  public void close() {
    Store s = ownedStore;
    ownedStore = null;
    if (s != null) {
      closeQuietly(s);
    }
  }

  private static void closeQuietly(Store s) {
    try {
      s.close();
    } catch (LabelCriticException e) {
      LOG.warn("closing {} failed: {}", s.file(), e.getMessage());
    }
  }
}
