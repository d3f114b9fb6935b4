-- SPDX-License-Identifier: GPL-3.0-or-later
-- Schema version 1 of the workbench database. Every record that travels in a
-- case package has a UUID id and a rev (bumped on each change) so that merges
-- can tell which side changed what.

CREATE TABLE cases (
  id                   TEXT PRIMARY KEY,
  catalogue_id         TEXT NOT NULL,
  catalogue_version    TEXT NOT NULL,
  applicant            TEXT NOT NULL,
  credit_code          TEXT NOT NULL,
  app_type             TEXT NOT NULL DEFAULT 'initial'
                         CHECK (app_type IN ('initial', 'maintenance')),
  previous_certificate TEXT,
  previous_expiry      TEXT,
  baseline_case        TEXT,
  stage                TEXT NOT NULL DEFAULT 'acceptance'
                         CHECK (stage IN ('acceptance', 'initiation', 'evaluation',
                                          'certification', 'closed')),
  is_demo              INTEGER NOT NULL DEFAULT 0,
  submitted_at         TEXT,
  team_conclusion      TEXT,
  statement            TEXT,
  statement_decision   TEXT,
  panel_conclusion     TEXT,
  panel_concluded_at   TEXT,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  rev                  INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE team_members (
  id         TEXT PRIMARY KEY,
  case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  role       TEXT NOT NULL CHECK (role IN ('leader', 'evaluator')),
  created_at TEXT NOT NULL,
  rev        INTEGER NOT NULL DEFAULT 1,
  UNIQUE (case_id, name, role)
);

CREATE TABLE case_dates (
  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  kind    TEXT NOT NULL,
  date    TEXT NOT NULL,
  actor   TEXT NOT NULL,
  at      TEXT NOT NULL,
  rev     INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (case_id, kind)
);

CREATE TABLE stage_moves (
  id         TEXT PRIMARY KEY,
  case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  from_stage TEXT NOT NULL,
  to_stage   TEXT NOT NULL,
  on_date    TEXT NOT NULL,
  actor      TEXT NOT NULL,
  at         TEXT NOT NULL
);

CREATE TABLE checklist (
  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  item    TEXT NOT NULL CHECK (item IN ('legal-entity', 'stamped-bound', 'electronic-copy')),
  actor   TEXT NOT NULL,
  at      TEXT NOT NULL,
  PRIMARY KEY (case_id, item)
);

CREATE TABLE evidence (
  id           TEXT PRIMARY KEY,
  case_id      TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  method       TEXT NOT NULL CHECK (method IN ('document', 'interview', 'demonstration')),
  title        TEXT NOT NULL,
  observation  TEXT NOT NULL DEFAULT '',
  evaluator    TEXT NOT NULL DEFAULT '',
  observed_on  TEXT,
  recorded_at  TEXT NOT NULL,
  version      TEXT,
  work_product TEXT,
  location     TEXT,
  interviewee  TEXT,
  role         TEXT,
  topics       TEXT,
  summary      TEXT,
  environment  TEXT,
  operated     TEXT,
  operator     TEXT,
  outcome      TEXT,
  updated_at   TEXT NOT NULL,
  rev          INTEGER NOT NULL DEFAULT 1
);
-- (case_id, recorded_at): a case's items are listed in recorded order without a sort
CREATE INDEX evidence_by_case ON evidence (case_id, recorded_at);
-- the judgement counts a case's items per method from this index alone
CREATE INDEX evidence_by_case_method ON evidence (case_id, method);

-- case_id and method repeat the evidence item's, filled and kept by the triggers
-- below (writers leave them out): the judgement then counts a case's links per
-- requirement, method and support from one index, without a join, which keeps
-- the conclusion of a case with 100,000 items quick to recompute.
CREATE TABLE evidence_links (
  evidence_id    TEXT NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
  requirement_id TEXT NOT NULL,
  supports       TEXT NOT NULL DEFAULT 'yes' CHECK (supports IN ('yes', 'partly', 'no')),
  case_id        TEXT,
  method         TEXT,
  PRIMARY KEY (evidence_id, requirement_id)
);
CREATE INDEX evidence_links_by_requirement ON evidence_links (requirement_id);
CREATE INDEX evidence_links_by_case ON evidence_links (case_id, requirement_id, method, supports);

CREATE TRIGGER evidence_links_fill AFTER INSERT ON evidence_links
BEGIN
  UPDATE evidence_links
     SET case_id = (SELECT case_id FROM evidence WHERE id = NEW.evidence_id),
         method = (SELECT method FROM evidence WHERE id = NEW.evidence_id)
   WHERE evidence_id = NEW.evidence_id AND requirement_id = NEW.requirement_id;
END;

CREATE TRIGGER evidence_links_refill AFTER UPDATE OF evidence_id, case_id, method ON evidence_links
BEGIN
  UPDATE evidence_links
     SET case_id = (SELECT case_id FROM evidence WHERE id = NEW.evidence_id),
         method = (SELECT method FROM evidence WHERE id = NEW.evidence_id)
   WHERE evidence_id = NEW.evidence_id AND requirement_id = NEW.requirement_id
     AND (case_id IS NOT (SELECT case_id FROM evidence WHERE id = NEW.evidence_id)
          OR method IS NOT (SELECT method FROM evidence WHERE id = NEW.evidence_id));
END;

CREATE TRIGGER evidence_links_follow AFTER UPDATE OF case_id, method ON evidence
BEGIN
  UPDATE evidence_links SET case_id = NEW.case_id, method = NEW.method
   WHERE evidence_id = NEW.id;
END;

CREATE TABLE attachments (
  id           TEXT PRIMARY KEY,
  evidence_id  TEXT NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
  sha256       TEXT NOT NULL,
  name         TEXT NOT NULL,
  size         INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  added_at     TEXT NOT NULL
);
CREATE INDEX attachments_by_evidence ON attachments (evidence_id);
CREATE INDEX attachments_by_hash ON attachments (sha256);

CREATE TABLE ratings (
  id             TEXT PRIMARY KEY,
  case_id        TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  requirement_id TEXT NOT NULL,
  rating         TEXT NOT NULL
                   CHECK (rating IN ('conformant', 'largely', 'nonconformant', 'not-applicable')),
  rationale      TEXT NOT NULL DEFAULT '',
  actor          TEXT NOT NULL,
  at             TEXT NOT NULL,
  rev            INTEGER NOT NULL DEFAULT 1,
  UNIQUE (case_id, requirement_id)
);

CREATE TABLE findings (
  id             TEXT PRIMARY KEY,
  case_id        TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  requirement_id TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('nonconformity', 'observation')),
  text           TEXT NOT NULL,
  action         TEXT,
  due            TEXT,
  status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'rectified', 'verified')),
  actor          TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  rev            INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX findings_by_case ON findings (case_id);

CREATE TABLE staff (
  id          TEXT PRIMARY KEY,
  case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  full_time   INTEGER NOT NULL DEFAULT 0,
  cert_kind   TEXT NOT NULL DEFAULT 'CISP',
  cert_no     TEXT NOT NULL,
  valid_until TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  rev         INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX staff_by_case ON staff (case_id);

CREATE TABLE projects (
  id         TEXT PRIMARY KEY,
  case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  client     TEXT NOT NULL,
  service    TEXT NOT NULL,
  from_date  TEXT NOT NULL,
  to_date    TEXT NOT NULL,
  accepted   INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  rev        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX projects_by_case ON projects (case_id);

CREATE TABLE panel_members (
  id          TEXT PRIMARY KEY,
  case_id     TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  affiliation TEXT NOT NULL DEFAULT '',
  role        TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('chair', 'member')),
  created_at  TEXT NOT NULL,
  rev         INTEGER NOT NULL DEFAULT 1,
  UNIQUE (case_id, name)
);

CREATE TABLE panel_reviews (
  id         TEXT PRIMARY KEY,
  case_id    TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  member_id  TEXT NOT NULL REFERENCES panel_members (id) ON DELETE CASCADE,
  scope      TEXT NOT NULL,
  sufficient INTEGER NOT NULL,
  reasonable INTEGER NOT NULL,
  comment    TEXT NOT NULL DEFAULT '',
  at         TEXT NOT NULL,
  rev        INTEGER NOT NULL DEFAULT 1,
  UNIQUE (member_id, scope)
);

CREATE TABLE panel_votes (
  id        TEXT PRIMARY KEY,
  case_id   TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  member_id TEXT NOT NULL UNIQUE REFERENCES panel_members (id) ON DELETE CASCADE,
  vote      TEXT NOT NULL CHECK (vote IN ('pass', 'fail')),
  comment   TEXT NOT NULL DEFAULT '',
  at        TEXT NOT NULL,
  rev       INTEGER NOT NULL DEFAULT 1
);

-- Append-only, hash-chained per case: hash = SHA-256 over every column and
-- the previous entry's hash (see awb-history.c). history_heads holds the last
-- hash and the count, so that deleting the newest entries is detected too.
CREATE TABLE history (
  seq       INTEGER PRIMARY KEY AUTOINCREMENT,
  id        TEXT NOT NULL UNIQUE,
  case_id   TEXT NOT NULL,
  at        TEXT NOT NULL,
  actor     TEXT NOT NULL,
  action    TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id TEXT,
  before    TEXT,
  after     TEXT,
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
);
CREATE INDEX history_by_case ON history (case_id, seq);

CREATE TABLE history_heads (
  case_id TEXT PRIMARY KEY,
  count   INTEGER NOT NULL,
  hash    TEXT NOT NULL
);

-- Deleted records, so that a deletion travels in a package instead of the
-- record coming back from the other side.
CREATE TABLE tombstones (
  entity     TEXT NOT NULL,
  id         TEXT NOT NULL,
  case_id    TEXT NOT NULL,
  deleted_at TEXT NOT NULL,
  PRIMARY KEY (entity, id)
);

-- Case packages (docs/package-format.md). merge_versions is each record's
-- ancestry: every version (a SHA-256 of its content) that this database held
-- at an export or import of the case, a deletion being a version too
-- (deleted = 1); current = 1 marks the one held at the last of them. key is
-- the record's merge key: its id, or its natural key (a rating's requirement).
CREATE TABLE merge_versions (
  case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  entity  TEXT NOT NULL,
  key     TEXT NOT NULL,
  version TEXT NOT NULL,
  deleted INTEGER NOT NULL DEFAULT 0,
  current INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (case_id, entity, key, version)
) WITHOUT ROWID;

-- A record changed on both sides since they last shared it: one row per
-- record until a person chooses a side (awb resolve). mine/theirs are the
-- record as JSON, NULL when that side deleted it.
CREATE TABLE conflicts (
  id             TEXT PRIMARY KEY,
  case_id        TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
  entity         TEXT NOT NULL,
  key            TEXT NOT NULL,
  record_id      TEXT NOT NULL,
  mine           TEXT,
  mine_version   TEXT NOT NULL,
  mine_actor     TEXT,
  mine_at        TEXT,
  theirs         TEXT,
  theirs_version TEXT NOT NULL,
  theirs_actor   TEXT,
  theirs_at      TEXT,
  package        TEXT NOT NULL,
  detected_at    TEXT NOT NULL,
  UNIQUE (case_id, entity, key)
);
