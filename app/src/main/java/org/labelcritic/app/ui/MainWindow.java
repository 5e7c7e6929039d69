package org.labelcritic.app.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.controlsfx.control.textfield.TextFields;
import org.labelcritic.app.ui.cells.CellGridPane;
import org.labelcritic.app.ui.cells.CellReviewPane;
import org.labelcritic.app.ui.team.ReviewerNameDialog;
import org.labelcritic.app.ui.team.ReviewerSettings;
import org.labelcritic.app.ui.team.TeamActions;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.ReviewStatus;
import org.labelcritic.model.store.QueueRow;
import org.labelcritic.model.store.Store;
import org.labelcritic.model.worker.WorkerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workbench's main window: menu bar and toolbars built from one list of {@link Action}s, the
 * review queue, the {@link ItemViewer}, the verdict panel and the status bar. Build it on the FX
 * thread, put {@link #scene()} on a stage, call {@link #reload()}, and {@link #startReviewing} to
 * sign the reviewer in, start the quality worker and follow its verdicts live.
 *
 * <p>The store passed in stays the caller's. A database opened with File › Open belongs to this
 * window: it is closed when another one replaces it and by {@link #close()}. The io executor is the
 * caller's too and is never shut down here; the mask-metrics thread and the worker are the
 * window's.
 */
public final class MainWindow implements AutoCloseable {
  public static final double DEFAULT_WIDTH = 1280;
  public static final double DEFAULT_HEIGHT = 800;

  /** How often the queue looks for new verdicts and decisions while reviewing. */
  public static final Duration LIVE_UPDATE_PERIOD = Duration.millis(1500);

  private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);

  private final I18n i18n;
  private final Executor io;
  private final Consumer<Runnable> fx;
  private final DialogService dialogs;
  private final ItemViewerFactory viewers;
  private final QualityWorkerRunner worker;
  private final QualityWorkerRunner.ScorerFactory scorers;
  private final ExecutorService metrics;
  private final QueueViewModel queue;
  private final StatusBarViewModel status;
  private final VerdictViewModel verdict;
  private final ReviewViewModel review;
  private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper(this, "opening");
  private final ReadOnlyBooleanWrapper noReviewerSettings =
      new ReadOnlyBooleanWrapper(this, "noReviewerSettings", true);
  private final TeamActions team;
  private final String css;
  private ReviewerSettings reviewerSettings;
  private final BooleanBinding busy;
  private final List<Action> actions;
  private final TableView<QueueRow> table;
  private final TextField filterField;
  private final StackPane viewerHolder = new StackPane();
  private final Menu viewMenu = new Menu();
  private final Scene scene;
  private final Timeline live;
  private Store store;
  private Store ownedStore;
  private ItemViewer viewer;
  private String reviewerName;
  private String machine = "";
  private Runnable onQuit;
  private String lastNotified = "";

  /**
   * A window of the default size that runs store calls on {@code io}, shows items with the {@link
   * ScanFactsViewer} and scores form cells with the code critic once reviewing starts.
   */
  public MainWindow(Store store, Executor io, ResourceBundle bundle) {
    this(store, io, bundle, null);
  }

  /** As {@link #MainWindow(Store, Executor, ResourceBundle)}, with this image viewer. */
  public MainWindow(Store store, Executor io, ResourceBundle bundle, ItemViewerFactory viewers) {
    this(
        store,
        io,
        bundle,
        Platform::runLater,
        null,
        viewers,
        QualityWorkerRunner.codeCells(),
        DEFAULT_WIDTH,
        DEFAULT_HEIGHT);
  }

  /**
   * As {@link #MainWindow(Store, Executor, ResourceBundle)}, with this image viewer and this
   * quality worker (e.g. {@link QualityWorkerRunner#allCritics()}).
   */
  public MainWindow(
      Store store,
      Executor io,
      ResourceBundle bundle,
      ItemViewerFactory viewers,
      QualityWorkerRunner.ScorerFactory scorers) {
    this(
        store,
        io,
        bundle,
        Platform::runLater,
        null,
        viewers,
        scorers,
        DEFAULT_WIDTH,
        DEFAULT_HEIGHT);
  }

  /**
   * @param fx applies background results on the FX thread ({@code Platform::runLater})
   * @param dialogs null for real dialogs and notifications
   * @param viewers null for the {@link ScanFactsViewer}
   * @param scorers what the quality worker runs; null for no worker
   */
  MainWindow(
      Store store,
      Executor io,
      ResourceBundle bundle,
      Consumer<Runnable> fx,
      DialogService dialogs,
      ItemViewerFactory viewers,
      QualityWorkerRunner.ScorerFactory scorers,
      double width,
      double height) {
    this.store = Objects.requireNonNull(store, "store");
    this.i18n = new I18n(bundle);
    this.io = Objects.requireNonNull(io, "io");
    this.fx = Objects.requireNonNull(fx, "fx");
    this.viewers = viewers != null ? viewers : s -> new ScanFactsViewer(i18n, s, this.io, this.fx);
    this.scorers = scorers;
    this.metrics =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "lcw-metrics");
              t.setDaemon(true);
              return t;
            });
    this.worker =
        new QualityWorkerRunner(
            scorers == null ? s -> List.of() : scorers, WorkerSettings.defaults(), i18n, fx);
    this.queue = new QueueViewModel(store, io, fx);
    this.status = new StatusBarViewModel(i18n, store, io, fx);
    this.verdict = new VerdictViewModel(i18n, store, io, metrics, fx);
    this.viewer = this.viewers.create(store);
    this.review = new ReviewViewModel(i18n, store, io, fx, queue, verdict, viewer);
    review.setOnShow(worker::focus);
    review.setOnCommitted(this::refreshLive);
    this.busy = queue.loadingProperty().or(status.loadingProperty()).or(opening);
    this.css =
        Objects.requireNonNull(MainWindow.class.getResource("workbench.css")).toExternalForm();
    this.dialogs =
        dialogs != null ? dialogs : new FxDialogService(this::window, i18n, List.of(css));
    this.onQuit = () -> Optional.ofNullable(window()).ifPresent(Window::hide);
    this.team =
        new TeamActions(
            i18n,
            () -> this.store,
            io,
            this::window,
            () -> reviewerName == null ? "" : reviewerName,
            List.of(css));

    table = QueueTable.create(queue, i18n);
    table.disableProperty().bind(review.editingProperty());
    filterField = TextFields.createClearableTextField();
    actions = declareActions();
    viewerHolder.setId("viewer-holder");
    viewerHolder.getChildren().setAll(viewer.node());
    viewerHolder.setMinWidth(200);

    BorderPane root = new BorderPane();
    root.setId("main-window");
    root.setTop(new VBox(menuBar(), toolBar(), reviewBar()));
    SplitPane split = new SplitPane(table, viewerHolder, VerdictPanel.create(verdict, i18n));
    split.setDividerPositions(0.405, 0.74);
    SplitPane.setResizableWithParent(split.getItems().get(2), false);
    root.setCenter(split);
    root.setBottom(
        StatusBarView.create(status, queue, worker, review.messageProperty(), busy, i18n));

    scene = new Scene(root, width, height);
    scene.getStylesheets().add(css);
    // Asked for on every key: opening another database replaces the viewer and its actions.
    ActionControls.installKeys(scene, this::allActions);

    queue.errorProperty().addListener((o, a, e) -> showError(e));
    status.errorProperty().addListener((o, a, e) -> showError(e));
    review.errorProperty().addListener((o, a, e) -> showError(e));
    worker.errorProperty().addListener((o, a, e) -> showError(e));
    // Arrow keys should work at once: give the queue the focus when its first rows arrive.
    queue
        .loadedProperty()
        .addListener(
            (o, a, loaded) -> {
              if (loaded) {
                table.requestFocus();
              }
            });
    live = new Timeline(new KeyFrame(LIVE_UPDATE_PERIOD, e -> refreshLive()));
    live.setCycleCount(Animation.INDEFINITE);
  }

  private List<Action> declareActions() {
    ObservableBooleanValue cannotDecide = review.canDecideBinding().not();
    BooleanBinding notEditing = review.editingProperty().not();
    BooleanBinding cannotSave = notEditing.or(review.committingProperty());
    BooleanBinding cannotMove = review.editingProperty().or(review.committingProperty());
    BooleanBinding cannotReopen =
        review
            .canDecideBinding()
            .not()
            .or(
                Bindings.createBooleanBinding(
                    () -> {
                      QueueRow r = queue.selectedProperty().get();
                      return r == null
                          || (r.status() != ReviewStatus.DECIDED
                              && r.status() != ReviewStatus.FLAGGED);
                    },
                    queue.selectedProperty()));
    List<Action> list = new ArrayList<>();
    list.add(
        new Action(
            "open",
            i18n.text("action.open"),
            new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN),
            this::chooseAndOpen,
            busy.or(review.editingProperty())));
    list.add(
        new Action(
            "reload",
            i18n.text("action.reload"),
            new KeyCodeCombination(KeyCode.F5),
            this::reload,
            busy));
    list.add(
        Action.of(
            "filter",
            i18n.text("action.filter"),
            new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
            filterField::requestFocus));
    list.add(
        Action.of(
            "quit",
            i18n.text("action.quit"),
            new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN),
            () -> onQuit.run()));
    list.add(
        new Action(
            "accept-a",
            i18n.text("action.accept.a"),
            new KeyCodeCombination(KeyCode.A),
            () -> review.accept(1),
            cannotDecide));
    list.add(
        new Action(
            "accept-b",
            i18n.text("action.accept.b"),
            new KeyCodeCombination(KeyCode.B),
            () -> review.accept(2),
            cannotDecide));
    for (int n = 1; n <= 9; n++) {
      int number = n;
      list.add(
          new Action(
              "accept-" + n,
              i18n.format("action.accept.n", n),
              new KeyCodeCombination(Action.digit(n)),
              () -> review.accept(number),
              cannotDecide));
    }
    list.add(
        new Action(
            "edit",
            i18n.text("action.edit"),
            new KeyCodeCombination(KeyCode.E),
            review::startEdit,
            review
                .committingProperty()
                .or(review.editingProperty())
                .or(queue.selectedProperty().isNull())));
    list.add(
        new Action(
            "save-edit",
            i18n.text("action.save.edit"),
            new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN),
            review::saveEdit,
            cannotSave));
    list.add(
        new Action(
            "cancel-edit",
            i18n.text("action.cancel.edit"),
            new KeyCodeCombination(KeyCode.ESCAPE),
            review::cancelEdit,
            notEditing));
    list.add(
        new Action(
            "undo",
            i18n.text("action.undo"),
            new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN),
            review::undo,
            notEditing));
    list.add(
        new Action(
            "redo",
            i18n.text("action.redo"),
            new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN),
            review::redo,
            notEditing));
    list.add(
        new Action(
            "flag",
            i18n.text("action.flag"),
            new KeyCodeCombination(KeyCode.F),
            this::askAndFlag,
            cannotDecide));
    list.add(
        new Action(
            "reopen",
            i18n.text("action.reopen"),
            new KeyCodeCombination(KeyCode.R),
            review::reopen,
            cannotReopen));
    list.add(
        new Action(
            "previous",
            i18n.text("action.previous"),
            new KeyCodeCombination(KeyCode.LEFT),
            queue::previous,
            cannotMove));
    list.add(
        new Action(
            "next",
            i18n.text("action.next"),
            new KeyCodeCombination(KeyCode.RIGHT),
            queue::next,
            cannotMove));
    list.add(
        new Action(
            "next-unsure",
            i18n.text("action.next.unsure"),
            new KeyCodeCombination(KeyCode.SPACE),
            this::nextUnsure,
            cannotMove));
    list.add(
        Action.of(
            "keys",
            i18n.text("action.keys"),
            new KeyCodeCombination(KeyCode.F1),
            () -> dialogs.showKeys(allActions())));
    list.add(Action.of("about", i18n.text("action.about"), null, () -> dialogs.showAbout()));
    BooleanBinding noCells =
        Bindings.createBooleanBinding(
                () -> queue.rows().stream().noneMatch(r -> r.kind() == ItemKind.CELL), queue.rows())
            .or(review.reviewerProperty().isNull());
    list.add(team.dashboard());
    list.add(team.report());
    list.add(
        new Action(
            "reviewer-name",
            i18n.text("action.reviewerName"),
            null,
            this::changeReviewerName,
            noReviewerSettings.getReadOnlyProperty().or(review.editingProperty())));
    list.add(
        new Action(
            "cells-review",
            i18n.text("action.cellsReview"),
            new KeyCodeCombination(
                KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
            () -> openCells(false),
            noCells));
    list.add(
        new Action(
            "cells-grid",
            i18n.text("action.cellsGrid"),
            new KeyCodeCombination(
                KeyCode.G, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
            () -> openCells(true),
            noCells));
    return List.copyOf(list);
  }

  /** The View menu: the dashboard, then the current viewer's actions. */
  private void fillViewMenu() {
    viewMenu
        .getItems()
        .setAll(ActionControls.menuItem(action("dashboard")), new SeparatorMenuItem());
    for (Action a : ViewerActions.withoutClashes(actions, viewer.actions())) {
      viewMenu.getItems().add(ActionControls.menuItem(a));
    }
  }

  /** The window's actions followed by the viewer's (minus any whose key the window uses). */
  private List<Action> allActions() {
    List<Action> all = new ArrayList<>(actions);
    all.addAll(ViewerActions.withoutClashes(actions, viewer.actions()));
    return all;
  }

  private void askAndFlag() {
    QueueRow row = queue.selectedProperty().get();
    if (row == null) {
      return;
    }
    RowKey key = RowKey.of(row);
    dialogs
        .askFlag(i18n.format("verdict.title", row.itemName(), row.structure()))
        .thenAccept(
            choice ->
                fx.accept(
                    () -> {
                      // Only flag the row the dialog was about; a cancelled dialog does nothing.
                      if (choice.isPresent() && key.equals(queue.selectedKey())) {
                        review.flag(choice.get());
                      }
                    }));
  }

  private void nextUnsure() {
    if (!queue.nextUnsure()) {
      review.tell(i18n.text("review.no.unsure"));
    }
  }

  private MenuBar menuBar() {
    Menu file = new Menu(i18n.text("menu.file"));
    file.getItems()
        .addAll(
            ActionControls.menuItem(action("open")),
            ActionControls.menuItem(action("report")),
            ActionControls.menuItem(action("reviewer-name")),
            new SeparatorMenuItem(),
            ActionControls.menuItem(action("quit")));
    Menu queueMenu = new Menu(i18n.text("menu.queue"));
    queueMenu
        .getItems()
        .addAll(
            ActionControls.menuItem(action("previous")),
            ActionControls.menuItem(action("next")),
            ActionControls.menuItem(action("next-unsure")),
            new SeparatorMenuItem(),
            ActionControls.menuItem(action("reload")),
            ActionControls.menuItem(action("filter")));
    Menu reviewMenu = new Menu(i18n.text("menu.review"));
    Menu acceptN = new Menu(i18n.text("menu.accept.n"));
    for (int n = 1; n <= 9; n++) {
      acceptN.getItems().add(ActionControls.menuItem(action("accept-" + n)));
    }
    reviewMenu
        .getItems()
        .addAll(
            ActionControls.menuItem(action("accept-a")),
            ActionControls.menuItem(action("accept-b")),
            acceptN,
            new SeparatorMenuItem(),
            ActionControls.menuItem(action("edit")),
            ActionControls.menuItem(action("save-edit")),
            ActionControls.menuItem(action("cancel-edit")),
            ActionControls.menuItem(action("undo")),
            ActionControls.menuItem(action("redo")),
            new SeparatorMenuItem(),
            ActionControls.menuItem(action("flag")),
            ActionControls.menuItem(action("reopen")),
            new SeparatorMenuItem(),
            ActionControls.menuItem(action("cells-review")),
            ActionControls.menuItem(action("cells-grid")));
    viewMenu.setText(i18n.text("menu.view"));
    fillViewMenu();
    Menu help = new Menu(i18n.text("menu.help"));
    help.getItems()
        .addAll(ActionControls.menuItem(action("keys")), ActionControls.menuItem(action("about")));
    MenuBar bar = new MenuBar(file, queueMenu, reviewMenu, viewMenu);
    bar.getMenus().add(help);
    bar.setId("menu-bar");
    // JavaFX's menu bar skin remembers the last title the mouse entered and, while it does, opens
    // that menu on the Down key (and moves between titles on Left/Right), even after the mouse has
    // left the bar: a reviewer who crosses the bar on the way to the viewer and scrolls with the
    // arrow keys would get a menu instead. So while no menu is open the titles do not hear the
    // mouse entering; a click, Alt/F10 and moving between open menus work as before (and the
    // hover highlight, which the scene sets, stays).
    bar.addEventFilter(
        MouseEvent.MOUSE_ENTERED_TARGET,
        e -> {
          if (e.getTarget() != bar && bar.getMenus().stream().noneMatch(Menu::isShowing)) {
            e.consume();
          }
        });
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
    statusChoice.setFocusTraversable(false);

    ChoiceBox<QueueOrder> orderChoice = new ChoiceBox<>();
    orderChoice.setId("queue-order");
    orderChoice.getItems().setAll(QueueOrder.values());
    orderChoice.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(QueueOrder o) {
            return o == null ? "" : orderText(o);
          }

          @Override
          public QueueOrder fromString(String text) {
            throw new UnsupportedOperationException("the order choice is not editable");
          }
        });
    orderChoice.valueProperty().bindBidirectional(queue.orderProperty());
    orderChoice.setFocusTraversable(false);

    filterField.setId("queue-filter-text");
    filterField.setPromptText(i18n.text("filter.text.prompt"));
    filterField.setPrefColumnCount(18);
    filterField.textProperty().bindBidirectional(queue.textFilterProperty());

    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    ToolBar bar =
        new ToolBar(
            ActionControls.button(action("open")),
            ActionControls.button(action("reload")),
            new Separator(),
            statusChoice,
            orderChoice,
            filterField,
            spacer,
            ActionControls.button(action("keys")));
    bar.setId("tool-bar");
    return bar;
  }

  private String orderText(QueueOrder o) {
    return switch (o) {
      case PRIORITY -> i18n.text("order.priority");
      case CONFIDENCE -> i18n.text("order.confidence");
      case ITEM -> i18n.text("order.item");
    };
  }

  private ToolBar reviewBar() {
    Region spacer = new Region();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    ToolBar bar =
        new ToolBar(
            ActionControls.button(action("accept-a")),
            ActionControls.button(action("accept-b")),
            ActionControls.button(action("edit")),
            ActionControls.button(action("save-edit")),
            ActionControls.button(action("cancel-edit")),
            ActionControls.button(action("flag")),
            ActionControls.button(action("reopen")),
            spacer,
            ActionControls.button(action("previous")),
            ActionControls.button(action("next")),
            ActionControls.button(action("next-unsure")));
    bar.setId("review-bar");
    bar.getStyleClass().add("review-bar");
    return bar;
  }

  /** Reloads queue and counts in the background; call on the FX thread. */
  public CompletableFuture<Void> reload() {
    lastNotified = "";
    return CompletableFuture.allOf(queue.reload(), status.reload());
  }

  /**
   * Signs the reviewer in (a review session in the database), starts the quality worker and the
   * live queue updates. Call on the FX thread after {@link #reload()}; the future completes when
   * the reviewer can decide.
   */
  public CompletableFuture<Void> startReviewing(String reviewer, String machine) {
    this.reviewerName = Objects.requireNonNull(reviewer, "reviewer");
    this.machine = machine == null ? "" : machine;
    followReviewer(reviewer);
    if (scorers != null) {
      worker.start(store);
    }
    live.play();
    return review.signIn(reviewer, this.machine).thenApply(r -> null);
  }

  /**
   * The queue and the verdicts follow the reviewer: under an assignment plan the reviewer's queue
   * is theirs alone, blind to other reviewers' decisions where it overlaps.
   */
  private void followReviewer(String name) {
    queue.setReviewer(name);
    verdict.setReviewer(name);
    queue.reload();
  }

  /** Looks for new verdicts and decisions now (the timer does it every 1.5 s). */
  CompletableFuture<Boolean> refreshLive() {
    return queue
        .refreshIfChanged()
        .thenApply(
            changed -> {
              if (changed) {
                fx.accept(status::reload);
              }
              return changed;
            });
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
      showError(LabelCriticException.describe(cause));
      return;
    }
    Store previous = ownedStore;
    Runnable workerStopped = worker.stopAwaitable();
    ownedStore = opened;
    store = opened;
    viewer.clear();
    viewer = viewers.create(opened);
    viewerHolder.getChildren().setAll(viewer.node());
    fillViewMenu();
    queue.setStore(opened);
    status.setStore(opened);
    verdict.setStore(opened);
    Runnable endSession = review.setStore(opened, viewer);
    reload();
    if (reviewerName != null) {
      startReviewing(reviewerName, machine);
    }
    // The old store is closed once its worker thread has ended (a verdict it is writing lands
    // before the close), then on the io executor after the decisions already queued there. The
    // waiting is done by a thread of its own: neither the FX thread nor io waits for the worker.
    Runnable closeOld =
        () -> {
          endSession.run();
          if (previous != null) {
            closeQuietly(previous);
          }
        };
    Thread.ofPlatform()
        .name("lcw-close-previous")
        .daemon()
        .start(
            () -> {
              workerStopped.run();
              try {
                io.execute(closeOld);
              } catch (RejectedExecutionException shutDown) {
                closeOld.run();
              }
            });
  }

  /**
   * Reviews under the name saved in {@code settings} (read on the io executor); when none is saved
   * yet (first start), asks for one first with a dialog that does not block the FX thread, saves it
   * and then signs in. A cancelled dialog reviews as {@code suggestion} without saving it. Enables
   * the menu entry that changes the name.
   */
  public void startReviewingAsSavedReviewer(
      ReviewerSettings settings, String suggestion, String machine) {
    this.reviewerSettings = Objects.requireNonNull(settings, "settings");
    noReviewerSettings.set(false);
    CompletableFuture.supplyAsync(
            () -> {
              try {
                return settings.name();
              } catch (LabelCriticException e) {
                throw new CompletionException(e);
              }
            },
            io)
        .whenComplete(
            (saved, e) ->
                fx.accept(
                    () -> {
                      if (e != null) {
                        showError(LabelCriticException.describe(unwrap(e)));
                      }
                      if (saved != null && saved.isPresent()) {
                        startReviewing(saved.get(), machine);
                      } else {
                        askReviewerName(
                            suggestion,
                            name -> startReviewing(name, machine),
                            () -> startReviewing(suggestion, machine));
                      }
                    }));
  }

  /** File › Reviewer name…: asks for a new name, saves it and signs in under it. */
  private void changeReviewerName() {
    if (reviewerSettings == null) {
      return;
    }
    askReviewerName(
        reviewerName,
        name -> {
          reviewerName = name;
          io.execute(review.setStore(store, viewer));
          followReviewer(name);
          review.signIn(name, machine);
        },
        () -> {});
  }

  /**
   * Shows the reviewer-name dialog (not blocking the FX thread); an accepted name is saved on the
   * io executor (with an audit row in the open database) before {@code then} runs on the FX thread.
   */
  private void askReviewerName(String suggestion, Consumer<String> then, Runnable cancelled) {
    ReviewerSettings settings = reviewerSettings;
    ReviewerNameDialog dialog = new ReviewerNameDialog(i18n, window(), suggestion);
    dialog.getDialogPane().getStylesheets().add(css);
    dialog.setOnHidden(
        e -> {
          String name = dialog.getResult();
          if (name == null) {
            cancelled.run();
            return;
          }
          Store s = store;
          io.execute(
              () -> {
                try {
                  settings.save(name, Optional.of(s));
                  fx.accept(() -> then.accept(name));
                } catch (LabelCriticException | RuntimeException ex) {
                  fx.accept(
                      () -> {
                        showError(LabelCriticException.describe(ex));
                        cancelled.run();
                      });
                }
              });
        });
    dialog.show();
  }

  /** Review › Form cells / Cell grid: the cell panes on this database, each in its own stage. */
  private void openCells(boolean grid) {
    String who = reviewerName;
    if (who == null) {
      return;
    }
    Parent pane;
    if (grid) {
      CellGridPane p = new CellGridPane(store, io, i18n, who);
      p.load();
      pane = p;
    } else {
      CellReviewPane p = new CellReviewPane(store, io, i18n, who);
      p.load();
      pane = p;
    }
    Stage stage = new Stage();
    Window owner = window();
    if (owner != null) {
      stage.initOwner(owner);
    }
    Scene sc = new Scene(pane, 1100, 700);
    sc.getStylesheets().add(css);
    stage.setScene(sc);
    stage.setTitle(i18n.text(grid ? "action.cellsGrid" : "action.cellsReview"));
    // The panes commit each decision at once; the queue picks them up when the stage closes.
    stage.setOnHidden(e -> refreshLive());
    stage.show();
    pane.requestFocus();
  }

  /** The dashboard and report actions (for tests). */
  TeamActions team() {
    return team;
  }

  private static Throwable unwrap(Throwable e) {
    return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
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

  /** The window's declared actions, in the order the keys dialog lists them. */
  public List<Action> actions() {
    return actions;
  }

  public QueueViewModel queue() {
    return queue;
  }

  public StatusBarViewModel statusBar() {
    return status;
  }

  public VerdictViewModel verdict() {
    return verdict;
  }

  public ReviewViewModel review() {
    return review;
  }

  public QualityWorkerRunner worker() {
    return worker;
  }

  /** The viewer showing the selected item. */
  public ItemViewer viewer() {
    return viewer;
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

  /**
   * Stops the live updates and the worker, ends the review session and closes a database this
   * window opened itself (blocking: call at exit).
   */
  @Override
  public void close() {
    if (Platform.isFxApplicationThread()) {
      live.stop();
    } else {
      Platform.runLater(live::stop);
    }
    worker.close();
    team.close();
    review.signOut();
    metrics.shutdownNow();
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
