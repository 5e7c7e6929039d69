package org.labelcritic.model.domain;

/** Where a label came from: an AI model (with a version) or a person (a reviewer's edit). */
public enum SourceKind {
  MODEL,
  PERSON
}
