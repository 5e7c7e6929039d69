package org.labelcritic.app.ui;

import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import org.labelcritic.model.domain.ReviewStatus;
import org.labelcritic.model.store.QueueRow;

/**
 * What the detail area says about the selected queue row until the viewer exists: the item and
 * structure, its kind and candidate count, and its status. Holds no nodes.
 */
public final class DetailViewModel {
  private final I18n i18n;
  private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
  private final ReadOnlyStringWrapper facts = new ReadOnlyStringWrapper(this, "facts");
  private final ReadOnlyStringWrapper critic = new ReadOnlyStringWrapper(this, "critic");
  private final ReadOnlyObjectWrapper<ReviewStatus> status = new ReadOnlyObjectWrapper<>(this, "s");

  public DetailViewModel(I18n i18n, ObservableValue<QueueRow> selected) {
    this.i18n = Objects.requireNonNull(i18n, "i18n");
    selected.addListener((o, a, row) -> show(row));
    show(selected.getValue());
  }

  private void show(QueueRow row) {
    empty.set(row == null);
    status.set(row == null ? null : row.status());
    if (row == null) {
      title.set(i18n.text("detail.empty.title"));
      facts.set(i18n.text("detail.empty.hint"));
      critic.set("");
      return;
    }
    title.set(i18n.format("detail.title", row.itemName(), row.structure()));
    facts.set(i18n.format("detail.facts", StatusTexts.kind(i18n, row.kind()), row.candidates()));
    critic.set(
        row.confidence().isPresent()
            ? i18n.format(
                "detail.critic",
                StatusTexts.status(i18n, row.status()),
                row.confidence().getAsDouble())
            : i18n.format("detail.critic.none", StatusTexts.status(i18n, row.status())));
  }

  /** True when no row is selected. */
  public ReadOnlyBooleanProperty emptyProperty() {
    return empty.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  /** Kind and candidate count, or a hint when nothing is selected. */
  public ReadOnlyStringProperty factsProperty() {
    return facts.getReadOnlyProperty();
  }

  /** Status and the critic's confidence. */
  public ReadOnlyStringProperty criticProperty() {
    return critic.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<ReviewStatus> statusProperty() {
    return status.getReadOnlyProperty();
  }
}
