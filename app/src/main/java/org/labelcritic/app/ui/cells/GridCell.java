package org.labelcritic.app.ui.cells;

import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.labelcritic.imaging.cells.CellPixels;
import org.labelcritic.model.codes.CellTask;

/** One cell of a grid page: its task, its image once loaded, and what the reviewer typed. */
public final class GridCell {
  private final CellTask task;
  private final ObjectProperty<CellPixels> image = new SimpleObjectProperty<>(this, "image");
  private final StringProperty typed = new SimpleStringProperty(this, "typed", "");
  private final StringProperty note = new SimpleStringProperty(this, "note", "");

  GridCell(CellTask task) {
    this.task = Objects.requireNonNull(task, "task");
  }

  public CellTask task() {
    return task;
  }

  public ObjectProperty<CellPixels> imageProperty() {
    return image;
  }

  /** The reviewer's correction; blank means "accept the predicted code". */
  public StringProperty typedProperty() {
    return typed;
  }

  /** Why the image is not shown, or why the typed text was refused; empty when all is well. */
  public StringProperty noteProperty() {
    return note;
  }
}
