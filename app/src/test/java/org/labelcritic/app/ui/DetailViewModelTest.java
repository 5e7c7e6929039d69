package org.labelcritic.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.OptionalDouble;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.labelcritic.model.domain.ItemKind;
import org.labelcritic.model.domain.ReviewStatus;
import org.labelcritic.model.store.QueueRow;

class DetailViewModelTest {
  final I18n i18n = new I18n(I18n.bundle(Locale.ROOT));

  @Test
  void describesTheSelectedRowAndSaysSoWhenNothingIsSelected() {
    var selected = new SimpleObjectProperty<QueueRow>();
    DetailViewModel vm = new DetailViewModel(i18n, selected);
    assertThat(vm.emptyProperty().get()).isTrue();
    assertThat(vm.titleProperty().get()).isEqualTo("No row selected");

    selected.set(
        new QueueRow(
            7,
            "case-9",
            ItemKind.VOLUME,
            3,
            "liver",
            2,
            ReviewStatus.UNSURE,
            OptionalDouble.of(0.616)));
    assertThat(vm.emptyProperty().get()).isFalse();
    assertThat(vm.titleProperty().get()).isEqualTo("case-9 · liver");
    assertThat(vm.factsProperty().get()).isEqualTo("Volume · 2 candidates");
    assertThat(vm.criticProperty().get()).isEqualTo("Unsure · critic confidence 0.62");
    assertThat(vm.statusProperty().get()).isEqualTo(ReviewStatus.UNSURE);

    selected.set(
        new QueueRow(
            8,
            "cell-1",
            ItemKind.CELL,
            4,
            "code",
            1,
            ReviewStatus.PENDING,
            OptionalDouble.empty()));
    assertThat(vm.factsProperty().get()).isEqualTo("Form cell · 1 candidate");
    assertThat(vm.criticProperty().get()).isEqualTo("Pending · no critic verdict yet");
  }
}
