package org.labelcritic.imaging.demo;

/** Where a cell sits on a form page: the page number (from 1) and the box in page pixels. */
record PageBox(int page, int x, int y, int w, int h) {

  /** The page image's path relative to the manifest. */
  String pagePath() {
    return "pages/page-%02d.png".formatted(page);
  }
}
