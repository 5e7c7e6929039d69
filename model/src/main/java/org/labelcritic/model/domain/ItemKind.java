package org.labelcritic.model.domain;

/** What one unit of review is: a scan (volume) or a form cell (a 2-D image crop). */
public enum ItemKind {
  VOLUME,
  CELL
}
