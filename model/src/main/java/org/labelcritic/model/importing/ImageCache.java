package org.labelcritic.model.importing;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.labelcritic.model.LabelCriticException;
import org.labelcritic.model.domain.FileRef;

/**
 * Digests (and, for pages, sizes) of the images a manifest names, remembered for the most recent
 * few thousand paths: census pages are named by many rows, and hashing a page once per row would
 * make a big import I/O-bound.
 */
final class ImageCache {
  private static final int CAPACITY = 4096;

  /** What is known of one image: its reference, its size when probed, or why it is unreadable. */
  record Info(FileRef ref, ImageProbe.Size size, String problem) {}

  private final ImageProbe probe;
  private final Map<Path, Info> cache =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Info> eldest) {
          return size() > CAPACITY;
        }
      };

  ImageCache(ImageProbe probe) {
    this.probe = probe;
  }

  Info get(Path image, boolean needSize) {
    Info info = cache.get(image);
    if (info != null && (!needSize || info.size() != null || info.problem() != null)) {
      return info;
    }
    FileRef ref;
    try {
      ref = info != null ? info.ref() : FileDigests.ref(image);
    } catch (LabelCriticException e) {
      info =
          new Info(
              FileRef.unreadable(image.toString()),
              null,
              e.problem().what()
                  + ": "
                  + image
                  + "; the item is imported and can be flagged in review");
      cache.put(image, info);
      return info;
    }
    ImageProbe.Size size = null;
    String problem = null;
    if (needSize) {
      try {
        size = probe.size(image);
      } catch (LabelCriticException e) {
        problem = "cannot read the image size of " + image + ": " + e.problem().what();
      }
    }
    info = new Info(ref, size, problem);
    cache.put(image, info);
    return info;
  }
}
