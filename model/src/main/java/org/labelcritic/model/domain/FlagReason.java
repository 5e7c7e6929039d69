package org.labelcritic.model.domain;

/** Why a reviewer flagged an item instead of accepting or editing a label. */
public enum FlagReason {
  UNCERTAIN,
  UNREADABLE,
  INVALID,
  WRONG_STRUCTURE,
  NEEDS_EXPERT
}
