package org.labelcritic.app.ui.cells;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.labelcritic.imaging.cells.CellPixels;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.Item;

/**
 * Loads cell images (a cell file, or a box cut from a page) off the FX thread as plain greyscale
 * pixels, keeping the last few hundred, so that the next cells are ready before the reviewer gets
 * to them. Never throws: an image that cannot be shown comes back with the reason.
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
   * The pixels (null when none can be shown) and, when something is wrong, the problem and its
   * detail (the file, or the box and page size).
   */
  record Loaded(CellPixels pixels, Problem problem, String detail) {}

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
    CellPixels whole;
    try {
      whole = CellPixels.read(file, null);
    } catch (LabelCriticException | RuntimeException e) {
      return new Loaded(null, Problem.UNREADABLE, e.getMessage());
    }
    Item.Box box = item.box();
    if (box == null) {
      return new Loaded(whole, null, "");
    }
    int w = whole.width();
    int h = whole.height();
    if (box.x() < 0 || box.y() < 0 || box.x() + box.w() > w || box.y() + box.h() > h) {
      return new Loaded(
          whole,
          Problem.BOX_OUTSIDE,
          "%d,%d,%d,%d / %s %dx%d"
              .formatted(box.x(), box.y(), box.w(), box.h(), file.getFileName(), w, h));
    }
    byte[] cut = new byte[box.w() * box.h()];
    for (int y = 0; y < box.h(); y++) {
      System.arraycopy(whole.grey(), (box.y() + y) * w + box.x(), cut, y * box.w(), box.w());
    }
    return new Loaded(new CellPixels(box.w(), box.h(), cut), null, "");
  }
}
