package org.labelcritic.app.ui.cells;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import org.labelcritic.model.domain.Item;

/**
 * Loads cell images (a cell file, or a box cut from a page) off the FX thread, keeping the last few
 * hundred, so that the next cells are ready before the reviewer gets to them. Never throws: an
 * image that cannot be shown comes back with the reason.
 */
final class CellImages {
  private static final int KEEP = 256;

  /** Why an image cannot be shown as the cell. */
  enum Problem {
    NO_IMAGE,
    MISSING,
    UNREADABLE,
    BOX_OUTSIDE
  }

  /**
   * An image (null when none can be shown) and, when something is wrong, the problem and its detail
   * (the file, or the box and page size).
   */
  record Loaded(Image image, Problem problem, String detail) {}

  private final Map<Long, Loaded> cache =
      new LinkedHashMap<>(KEEP, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Loaded> eldest) {
          return size() > KEEP;
        }
      };

  /** The cell's image; call on a background thread (it reads the file). */
  synchronized Loaded load(Item item) {
    Loaded hit = cache.get(item.id());
    if (hit != null) {
      return hit;
    }
    Loaded loaded = read(item);
    cache.put(item.id(), loaded);
    return loaded;
  }

  private static Loaded read(Item item) {
    if (item.image() == null) {
      return new Loaded(null, Problem.NO_IMAGE, "");
    }
    Path file = Path.of(item.image().path());
    if (!Files.isRegularFile(file)) {
      return new Loaded(null, Problem.MISSING, file.toString());
    }
    Image image;
    try {
      image = new Image(file.toUri().toString(), false);
    } catch (RuntimeException e) {
      return new Loaded(null, Problem.UNREADABLE, file + ": " + e.getMessage());
    }
    if (image.isError() || image.getWidth() <= 0) {
      String why = image.getException() == null ? "" : ": " + image.getException().getMessage();
      return new Loaded(null, Problem.UNREADABLE, file + why);
    }
    Item.Box box = item.box();
    if (box == null) {
      return new Loaded(image, null, "");
    }
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    if (box.x() < 0 || box.y() < 0 || box.x() + box.w() > w || box.y() + box.h() > h) {
      return new Loaded(
          image,
          Problem.BOX_OUTSIDE,
          "%d,%d,%d,%d / %s %dx%d"
              .formatted(box.x(), box.y(), box.w(), box.h(), file.getFileName(), w, h));
    }
    return new Loaded(
        new WritableImage(image.getPixelReader(), box.x(), box.y(), box.w(), box.h()), null, "");
  }
}
