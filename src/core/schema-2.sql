-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema 2 (applied on top of schema 1, in one transaction): the counts the
-- judgement reads, kept by triggers.
--
-- The judgement needs, per case, how many links each requirement has per method
-- and support, and how many items the case has per method. Counting them from
-- the indexes of schema 1 reads every link of the case: about 20 ms for a case
-- of 100,000 items, on every refresh of the conclusion. These two tables hold
-- the counts themselves, kept by the triggers below on every insert, delete
-- (cascades included) and update, whoever writes (the window, awb, a merge):
-- the judgement then reads a few hundred rows whatever the size of the case.
-- Rows whose count falls to 0 are removed. tests/test-evidence-counts.c
-- recounts after every kind of write and compares.

CREATE TABLE evidence_link_counts (
  case_id        TEXT NOT NULL,
  requirement_id TEXT NOT NULL,
  method         TEXT NOT NULL,
  supports       TEXT NOT NULL,
  n              INTEGER NOT NULL,
  PRIMARY KEY (case_id, requirement_id, method, supports)
) WITHOUT ROWID;

CREATE TABLE evidence_counts (
  case_id TEXT NOT NULL,
  method  TEXT NOT NULL,
  n       INTEGER NOT NULL,
  PRIMARY KEY (case_id, method)
) WITHOUT ROWID;

INSERT INTO evidence_link_counts
  SELECT case_id, requirement_id, method, supports, COUNT(*) FROM evidence_links
   WHERE case_id IS NOT NULL AND method IS NOT NULL
   GROUP BY case_id, requirement_id, method, supports;

INSERT INTO evidence_counts
  SELECT case_id, method, COUNT(*) FROM evidence GROUP BY case_id, method;

-- Links are written without case_id and method, which evidence_links_fill then
-- sets with an UPDATE: such an insert is counted by the update trigger.
CREATE TRIGGER evidence_link_counts_insert AFTER INSERT ON evidence_links
WHEN NEW.case_id IS NOT NULL AND NEW.method IS NOT NULL
BEGIN
  INSERT INTO evidence_link_counts VALUES (NEW.case_id, NEW.requirement_id, NEW.method,
                                           NEW.supports, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER evidence_link_counts_delete AFTER DELETE ON evidence_links
BEGIN
  UPDATE evidence_link_counts SET n = n - 1
   WHERE case_id = OLD.case_id AND requirement_id = OLD.requirement_id
     AND method = OLD.method AND supports = OLD.supports;
  DELETE FROM evidence_link_counts
   WHERE case_id = OLD.case_id AND requirement_id = OLD.requirement_id
     AND method = OLD.method AND supports = OLD.supports AND n <= 0;
END;

CREATE TRIGGER evidence_link_counts_update
AFTER UPDATE OF case_id, requirement_id, method, supports ON evidence_links
BEGIN
  UPDATE evidence_link_counts SET n = n - 1
   WHERE case_id = OLD.case_id AND requirement_id = OLD.requirement_id
     AND method = OLD.method AND supports = OLD.supports;
  DELETE FROM evidence_link_counts
   WHERE case_id = OLD.case_id AND requirement_id = OLD.requirement_id
     AND method = OLD.method AND supports = OLD.supports AND n <= 0;
  INSERT INTO evidence_link_counts
    SELECT NEW.case_id, NEW.requirement_id, NEW.method, NEW.supports, 1
     WHERE NEW.case_id IS NOT NULL AND NEW.method IS NOT NULL
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER evidence_counts_insert AFTER INSERT ON evidence
BEGIN
  INSERT INTO evidence_counts VALUES (NEW.case_id, NEW.method, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER evidence_counts_delete AFTER DELETE ON evidence
BEGIN
  UPDATE evidence_counts SET n = n - 1 WHERE case_id = OLD.case_id AND method = OLD.method;
  DELETE FROM evidence_counts WHERE case_id = OLD.case_id AND method = OLD.method AND n <= 0;
END;

CREATE TRIGGER evidence_counts_update AFTER UPDATE OF case_id, method ON evidence
BEGIN
  UPDATE evidence_counts SET n = n - 1 WHERE case_id = OLD.case_id AND method = OLD.method;
  DELETE FROM evidence_counts WHERE case_id = OLD.case_id AND method = OLD.method AND n <= 0;
  INSERT INTO evidence_counts VALUES (NEW.case_id, NEW.method, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
END;
