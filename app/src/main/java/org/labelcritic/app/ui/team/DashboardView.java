package org.labelcritic.app.ui.team;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import org.labelcritic.app.ui.I18n;

/**
 * The statistics dashboard: critic accuracy per structure as decisions arrive, the decision mix,
 * reviewer agreement, reviewer accuracy on gold items and time per decision as charts, and every
 * number in a table. Built in code from a {@link DashboardViewModel}; the charts follow its
 * properties.
 */
public final class DashboardView {
  private DashboardView() {}

  public static Parent create(DashboardViewModel vm, I18n i18n) {
    LineChart<Number, Number> accuracy = accuracyChart(vm, i18n);
    PieChart mix = new PieChart();
    mix.setId("dashboard-mix");
    mix.setTitle(i18n.text("team.dashboard.chart.mix"));
    mix.setAnimated(false);
    mix.setLegendVisible(false);
    vm.decisionMixProperty()
        .addListener(
            (o, a, data) -> {
              ObservableList<PieChart.Data> slices = FXCollections.observableArrayList();
              for (DashboardViewModel.Datum d : data) {
                if (d.value() > 0) {
                  slices.add(
                      new PieChart.Data(d.name() + " (" + (long) d.value() + ")", d.value()));
                }
              }
              mix.setData(slices);
            });
    BarChart<String, Number> agreement =
        bars(
            "dashboard-agreement",
            i18n.text("team.dashboard.chart.agreement"),
            vm.agreementProperty(),
            1,
            i18n.text("team.dashboard.axis.coefficient"));
    ((NumberAxis) agreement.getYAxis()).setLowerBound(-1);
    BarChart<String, Number> gold =
        bars(
            "dashboard-gold",
            i18n.text("team.dashboard.chart.gold"),
            vm.goldAccuracyProperty(),
            1,
            i18n.text("team.dashboard.axis.share"));
    BarChart<String, Number> time =
        bars(
            "dashboard-time",
            i18n.text("team.dashboard.chart.time"),
            vm.secondsPerDecisionProperty(),
            0,
            i18n.text("team.dashboard.axis.seconds"));

    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(8);
    for (int c = 0; c < 3; c++) {
      ColumnConstraints cc = new ColumnConstraints();
      cc.setPercentWidth(100 / 3.0);
      cc.setHgrow(Priority.ALWAYS);
      grid.getColumnConstraints().add(cc);
    }
    for (int r = 0; r < 2; r++) {
      RowConstraints rc = new RowConstraints();
      rc.setPercentHeight(50);
      rc.setVgrow(Priority.ALWAYS);
      grid.getRowConstraints().add(rc);
    }
    grid.add(accuracy, 0, 0);
    grid.add(mix, 1, 0);
    grid.add(agreement, 2, 0);
    grid.add(gold, 0, 1);
    grid.add(time, 1, 1);
    grid.add(table(vm, i18n), 2, 1);

    Label updated = new Label();
    updated.setId("dashboard-updated");
    updated.textProperty().bind(vm.updatedProperty());
    Label error = new Label();
    error.setId("dashboard-error");
    error.getStyleClass().add("error");
    error.textProperty().bind(vm.errorProperty());
    error.setStyle("-fx-text-fill: #b00020;");
    HBox top = new HBox(16, updated, error);
    top.setPadding(new Insets(0, 0, 8, 0));

    BorderPane root = new BorderPane(grid);
    root.setId("dashboard");
    root.setTop(top);
    root.setPadding(new Insets(10));
    return root;
  }

  private static LineChart<Number, Number> accuracyChart(DashboardViewModel vm, I18n i18n) {
    NumberAxis x = new NumberAxis();
    x.setLabel(i18n.text("team.dashboard.axis.compared"));
    x.setAutoRanging(false);
    x.setLowerBound(0);
    x.setMinorTickVisible(false);
    x.setTickLabelFormatter(
        new javafx.util.StringConverter<>() {
          @Override
          public String toString(Number n) {
            return String.valueOf(Math.round(n.doubleValue()));
          }

          @Override
          public Number fromString(String s) {
            return Double.valueOf(s);
          }
        });
    NumberAxis y = new NumberAxis(0, 1, 0.1);
    y.setAutoRanging(false);
    y.setLabel(i18n.text("team.dashboard.axis.share"));
    LineChart<Number, Number> chart = new LineChart<>(x, y);
    chart.setId("dashboard-accuracy");
    chart.setTitle(i18n.text("team.dashboard.chart.accuracy"));
    chart.setAnimated(false);
    chart.setCreateSymbols(false);
    vm.accuracyProperty()
        .addListener(
            (o, a, series) -> {
              ObservableList<XYChart.Series<Number, Number>> data =
                  FXCollections.observableArrayList();
              for (DashboardViewModel.Series s : series) {
                XYChart.Series<Number, Number> line = new XYChart.Series<>();
                line.setName(s.name());
                for (double[] p : s.points()) {
                  line.getData().add(new XYChart.Data<>(p[0], p[1]));
                }
                data.add(line);
              }
              double max = 1;
              for (DashboardViewModel.Series s : series) {
                for (double[] p : s.points()) {
                  max = Math.max(max, p[0]);
                }
              }
              x.setUpperBound(max);
              x.setTickUnit(niceStep(max / 6));
              chart.setData(data);
            });
    return chart;
  }

  /** 1, 2, 5, 10, 20, 50, ... at least {@code raw}. */
  static double niceStep(double raw) {
    double step = 1;
    while (step < raw) {
      double next = step * 2;
      if (next >= raw) {
        return next;
      }
      next = step * 5;
      if (next >= raw) {
        return next;
      }
      step *= 10;
    }
    return step;
  }

  private static BarChart<String, Number> bars(
      String id,
      String title,
      javafx.beans.value.ObservableValue<List<DashboardViewModel.Datum>> values,
      double upper,
      String axisLabel) {
    CategoryAxis x = new CategoryAxis();
    NumberAxis y = new NumberAxis();
    y.setLabel(axisLabel);
    if (upper > 0) {
      y.setAutoRanging(false);
      y.setLowerBound(0);
      y.setUpperBound(upper);
      y.setTickUnit(upper / 5);
    }
    BarChart<String, Number> chart = new BarChart<>(x, y);
    chart.setId(id);
    chart.setTitle(title);
    chart.setAnimated(false);
    chart.setLegendVisible(false);
    chart.setCategoryGap(60);
    values.addListener(
        (o, a, data) -> {
          XYChart.Series<String, Number> s = new XYChart.Series<>();
          for (DashboardViewModel.Datum d : data) {
            if (!Double.isNaN(d.value())) {
              s.getData().add(new XYChart.Data<>(d.name(), d.value()));
            }
          }
          chart.setData(FXCollections.observableArrayList(List.of(s)));
        });
    return chart;
  }

  private static TableView<DashboardViewModel.MetricRow> table(DashboardViewModel vm, I18n i18n) {
    TableView<DashboardViewModel.MetricRow> table = new TableView<>(vm.rows());
    table.setId("dashboard-table");
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table
        .getColumns()
        .addAll(
            List.of(
                column(
                    i18n.text("team.dashboard.column.section"),
                    DashboardViewModel.MetricRow::section),
                column(
                    i18n.text("team.dashboard.column.scope"), DashboardViewModel.MetricRow::scope),
                column(
                    i18n.text("team.dashboard.column.value"), DashboardViewModel.MetricRow::value),
                column(
                    i18n.text("team.dashboard.column.count"),
                    DashboardViewModel.MetricRow::count)));
    table.setPlaceholder(new Label(i18n.text("team.dashboard.loading")));
    return table;
  }

  private static TableColumn<DashboardViewModel.MetricRow, String> column(
      String title, java.util.function.Function<DashboardViewModel.MetricRow, String> value) {
    TableColumn<DashboardViewModel.MetricRow, String> c = new TableColumn<>(title);
    c.setCellValueFactory(f -> new ReadOnlyStringWrapper(value.apply(f.getValue())));
    c.setSortable(false);
    return c;
  }
}
