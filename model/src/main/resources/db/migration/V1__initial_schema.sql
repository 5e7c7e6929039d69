-- LabelCritic Workbench schema, version 1.
-- Portable SQL on purpose (see docs/decisions/0003-schema.md): it must also run on PostgreSQL
-- later, so no SQLite-only types; ids are INTEGER PRIMARY KEY here (identity columns there).
-- Timestamps are ISO-8601 UTC text.

-- One database holds exactly one dataset.
CREATE TABLE dataset (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  uid        TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE item (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL CHECK (kind IN ('VOLUME', 'CELL')),
  external_id  TEXT NOT NULL UNIQUE,
  image_path   TEXT,
  image_size   INTEGER,
  image_sha256 TEXT,
  box_x        INTEGER,
  box_y        INTEGER,
  box_w        INTEGER,
  box_h        INTEGER,
  geometry     TEXT,
  created_at   TEXT NOT NULL,
  CHECK ((box_w IS NULL AND box_h IS NULL) OR (box_w > 0 AND box_h > 0))
);

CREATE TABLE structure (
  id   INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);

CREATE TABLE source (
  id      INTEGER PRIMARY KEY,
  name    TEXT NOT NULL UNIQUE,
  kind    TEXT NOT NULL CHECK (kind IN ('MODEL', 'PERSON')),
  version TEXT NOT NULL DEFAULT ''
);

-- One source's label for one structure of one item. Masks stay in their files: path, size and
-- SHA-256 only; the voxels are never copied into the database.
CREATE TABLE candidate (
  id                INTEGER PRIMARY KEY,
  item_id           INTEGER NOT NULL REFERENCES item (id),
  structure_id      INTEGER NOT NULL REFERENCES structure (id),
  source_id         INTEGER NOT NULL REFERENCES source (id),
  revision          INTEGER NOT NULL DEFAULT 0,
  mask_path         TEXT,
  mask_size         INTEGER,
  mask_sha256       TEXT,
  label_values      TEXT,
  code              TEXT,
  confidence        REAL,
  digit_confidences TEXT,
  created_at        TEXT NOT NULL,
  UNIQUE (item_id, structure_id, source_id, revision),
  CHECK ((mask_path IS NOT NULL AND label_values IS NOT NULL AND code IS NULL)
      OR (mask_path IS NULL AND code IS NOT NULL)),
  CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1))
);
CREATE INDEX candidate_source ON candidate (source_id);
CREATE INDEX candidate_structure ON candidate (structure_id);

CREATE TABLE reviewer (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);

CREATE TABLE review_session (
  id          INTEGER PRIMARY KEY,
  uid         TEXT NOT NULL UNIQUE,
  reviewer_id INTEGER NOT NULL REFERENCES reviewer (id),
  machine     TEXT NOT NULL,
  started_at  TEXT NOT NULL,
  ended_at    TEXT
);

-- The critic's output. candidate_b_id is NULL for a single-candidate quality verdict.
CREATE TABLE verdict (
  id             INTEGER PRIMARY KEY,
  item_id        INTEGER NOT NULL REFERENCES item (id),
  structure_id   INTEGER NOT NULL REFERENCES structure (id),
  candidate_a_id INTEGER NOT NULL REFERENCES candidate (id),
  candidate_b_id INTEGER REFERENCES candidate (id),
  outcome        TEXT NOT NULL CHECK (outcome IN ('PREFER_A', 'PREFER_B', 'AGREE', 'UNSURE', 'SINGLE')),
  confidence     REAL NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
  critic         TEXT NOT NULL,
  model_version  TEXT NOT NULL,
  reasons        TEXT NOT NULL DEFAULT '{}',
  created_at     TEXT NOT NULL
);
-- The same model version never scores the same pair twice (restart skips what is scored).
CREATE UNIQUE INDEX verdict_once
  ON verdict (candidate_a_id, COALESCE(candidate_b_id, 0), critic, model_version);
CREATE INDEX verdict_item ON verdict (item_id, structure_id);

-- Append-only: a change of mind appends a decision that supersedes the old one.
CREATE TABLE decision (
  id            INTEGER PRIMARY KEY,
  uid           TEXT NOT NULL UNIQUE,
  item_id       INTEGER NOT NULL REFERENCES item (id),
  structure_id  INTEGER NOT NULL REFERENCES structure (id),
  reviewer_id   INTEGER NOT NULL REFERENCES reviewer (id),
  session_id    INTEGER REFERENCES review_session (id),
  action        TEXT NOT NULL CHECK (action IN ('ACCEPT', 'EDIT', 'FLAG', 'REOPEN')),
  candidate_id  INTEGER REFERENCES candidate (id),
  flag_reason   TEXT CHECK (flag_reason IN
                  ('UNCERTAIN', 'UNREADABLE', 'INVALID', 'WRONG_STRUCTURE', 'NEEDS_EXPERT')),
  note          TEXT NOT NULL DEFAULT '',
  verdict_id    INTEGER REFERENCES verdict (id),
  supersedes_id INTEGER REFERENCES decision (id),
  time_spent_ms INTEGER NOT NULL DEFAULT 0 CHECK (time_spent_ms >= 0),
  decided_at    TEXT NOT NULL,
  CHECK ((action IN ('ACCEPT', 'EDIT') AND candidate_id IS NOT NULL AND flag_reason IS NULL)
      OR (action = 'FLAG' AND candidate_id IS NULL AND flag_reason IS NOT NULL)
      OR (action = 'REOPEN' AND candidate_id IS NULL AND flag_reason IS NULL))
);
CREATE INDEX decision_item ON decision (item_id, structure_id, reviewer_id);

CREATE TRIGGER decision_no_update BEFORE UPDATE ON decision
BEGIN
  SELECT RAISE(ABORT, 'decisions are append-only: append a new decision instead of updating');
END;

CREATE TRIGGER decision_no_delete BEFORE DELETE ON decision
BEGIN
  SELECT RAISE(ABORT, 'decisions are append-only: they cannot be deleted');
END;
