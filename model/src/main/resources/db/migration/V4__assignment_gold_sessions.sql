-- Version 4: reviewer assignment, gold items and merged offline sessions
-- (docs/decisions/0014-sessions-and-assignment.md). Portable SQL, as V1.

-- One run of the assignment (lcw assign): its parameters, so that the queues can be explained and
-- recomputed. The newest plan is the one in force; older ones stay for the record.
CREATE TABLE assignment_plan (
  id                INTEGER PRIMARY KEY,
  reviewers         TEXT NOT NULL,
  overlap           REAL NOT NULL CHECK (overlap >= 0 AND overlap <= 1),
  overlap_reviewers INTEGER NOT NULL CHECK (overlap_reviewers >= 2),
  gold_rate         REAL NOT NULL CHECK (gold_rate >= 0 AND gold_rate < 1),
  gold_feedback     INTEGER NOT NULL DEFAULT 0 CHECK (gold_feedback IN (0, 1)),
  seed              TEXT NOT NULL,
  created_at        TEXT NOT NULL
);

-- Which items are in which reviewer's queue, and why: SINGLE (that reviewer only), OVERLAP (two
-- or more reviewers, blinded) or GOLD (known answer). position orders the queue.
CREATE TABLE assignment (
  plan_id     INTEGER NOT NULL REFERENCES assignment_plan (id),
  reviewer_id INTEGER NOT NULL REFERENCES reviewer (id),
  item_id     INTEGER NOT NULL REFERENCES item (id),
  role        TEXT NOT NULL CHECK (role IN ('SINGLE', 'OVERLAP', 'GOLD')),
  position    INTEGER NOT NULL,
  PRIMARY KEY (plan_id, reviewer_id, item_id)
);
CREATE INDEX assignment_queue ON assignment (plan_id, reviewer_id, position);
CREATE INDEX assignment_item ON assignment (plan_id, item_id);

-- Gold items: the known right answer for an item and structure.
CREATE TABLE gold_item (
  item_id      INTEGER NOT NULL REFERENCES item (id),
  structure_id INTEGER NOT NULL REFERENCES structure (id),
  answer       TEXT NOT NULL CHECK (answer IN ('ACCEPT', 'CODE', 'FLAG')),
  candidate_id INTEGER REFERENCES candidate (id),
  code         TEXT,
  created_at   TEXT NOT NULL,
  PRIMARY KEY (item_id, structure_id),
  CHECK ((answer = 'ACCEPT' AND candidate_id IS NOT NULL AND code IS NULL)
      OR (answer = 'CODE' AND candidate_id IS NULL AND code IS NOT NULL)
      OR (answer = 'FLAG' AND candidate_id IS NULL AND code IS NULL))
);

-- Offline session files merged into this database (lcw session merge), one row per file merge.
CREATE TABLE merged_session (
  id              INTEGER PRIMARY KEY,
  file_uid        TEXT NOT NULL,
  reviewer        TEXT NOT NULL,
  file_name       TEXT NOT NULL,
  decisions_added INTEGER NOT NULL,
  merged_at       TEXT NOT NULL
);
