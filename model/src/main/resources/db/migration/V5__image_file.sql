-- Version 5: the files items are read from (a CT volume, a scanned page, a cell image) get a table
-- of their own. A census page carries hundreds of cells, and every cell item repeated the page's
-- path, size and SHA-256: about 100 of an item row's 160 bytes, a quarter of what a census
-- import wrote (docs/decisions/0006-census-scale-import.md). Items now refer to their file by id.
-- Portable SQL as before (IS NOT DISTINCT FROM, ALTER TABLE ... DROP COLUMN).

CREATE TABLE image_file (
  id     INTEGER PRIMARY KEY,
  path   TEXT NOT NULL,
  size   INTEGER NOT NULL CHECK (size >= -1),
  sha256 TEXT
);
-- A file is looked up by its path; size and SHA-256 tell versions of the same path apart.
CREATE INDEX image_file_path ON image_file (path);

INSERT INTO image_file (path, size, sha256)
  SELECT DISTINCT image_path, COALESCE(image_size, -1), image_sha256
  FROM item WHERE image_path IS NOT NULL
  ORDER BY image_path;

ALTER TABLE item ADD COLUMN image_id INTEGER REFERENCES image_file (id);

UPDATE item SET image_id = (
    SELECT MIN(f.id) FROM image_file f
    WHERE f.path = item.image_path
      AND f.size = COALESCE(item.image_size, -1)
      AND f.sha256 IS NOT DISTINCT FROM item.image_sha256)
  WHERE image_path IS NOT NULL;

ALTER TABLE item DROP COLUMN image_path;
ALTER TABLE item DROP COLUMN image_size;
ALTER TABLE item DROP COLUMN image_sha256;

-- Items refer to these rows and are never deleted, so neither are the files' rows; a file that
-- changed on disk is a new row, the old one stays as the record of what was imported.
CREATE TRIGGER image_file_no_update BEFORE UPDATE ON image_file
BEGIN
  SELECT RAISE(ABORT, 'image files are never changed: a changed file is a new row');
END;

CREATE TRIGGER image_file_no_delete BEFORE DELETE ON image_file
BEGIN
  SELECT RAISE(ABORT, 'image files are never deleted: items refer to them');
END;
