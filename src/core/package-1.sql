-- SPDX-License-Identifier: GPL-3.0-or-later
-- Format version 1 of a case package (.awbcase): one SQLite file holding one
-- case with everything in it. PRAGMA application_id = 'AWBP' (0x41574250),
-- PRAGMA user_version = 1. The record tables have the names, columns and
-- column types of the database's (schema-1.sql) and hold only the rows of the
-- packaged case. See docs/package-format.md.

CREATE TABLE package_info (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE cases (
  id                   TEXT PRIMARY KEY,
  catalogue_id         TEXT NOT NULL,
  catalogue_version    TEXT NOT NULL,
  applicant            TEXT NOT NULL,
  credit_code          TEXT NOT NULL,
  app_type             TEXT NOT NULL,
  previous_certificate TEXT,
  previous_expiry      TEXT,
  baseline_case        TEXT,
  stage                TEXT NOT NULL,
  is_demo              INTEGER NOT NULL,
  submitted_at         TEXT,
  team_conclusion      TEXT,
  statement            TEXT,
  statement_decision   TEXT,
  panel_conclusion     TEXT,
  panel_concluded_at   TEXT,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  rev                  INTEGER NOT NULL
);

CREATE TABLE team_members (
  id         TEXT PRIMARY KEY,
  case_id    TEXT NOT NULL,
  name       TEXT NOT NULL,
  role       TEXT NOT NULL,
  created_at TEXT NOT NULL,
  rev        INTEGER NOT NULL
);

CREATE TABLE case_dates (
  case_id TEXT NOT NULL,
  kind    TEXT NOT NULL,
  date    TEXT NOT NULL,
  actor   TEXT NOT NULL,
  at      TEXT NOT NULL,
  rev     INTEGER NOT NULL,
  PRIMARY KEY (case_id, kind)
);

CREATE TABLE stage_moves (
  id         TEXT PRIMARY KEY,
  case_id    TEXT NOT NULL,
  from_stage TEXT NOT NULL,
  to_stage   TEXT NOT NULL,
  on_date    TEXT NOT NULL,
  actor      TEXT NOT NULL,
  at         TEXT NOT NULL
);

CREATE TABLE checklist (
  case_id TEXT NOT NULL,
  item    TEXT NOT NULL,
  actor   TEXT NOT NULL,
  at      TEXT NOT NULL,
  PRIMARY KEY (case_id, item)
);

CREATE TABLE evidence (
  id           TEXT PRIMARY KEY,
  case_id      TEXT NOT NULL,
  method       TEXT NOT NULL,
  title        TEXT NOT NULL,
  observation  TEXT NOT NULL,
  evaluator    TEXT NOT NULL,
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
  rev          INTEGER NOT NULL
);

CREATE TABLE evidence_links (
  evidence_id    TEXT NOT NULL,
  requirement_id TEXT NOT NULL,
  supports       TEXT NOT NULL,
  PRIMARY KEY (evidence_id, requirement_id)
);

CREATE TABLE attachments (
  id           TEXT PRIMARY KEY,
  evidence_id  TEXT NOT NULL,
  sha256       TEXT NOT NULL,
  name         TEXT NOT NULL,
  size         INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  added_at     TEXT NOT NULL
);
CREATE INDEX attachments_by_evidence ON attachments (evidence_id);

CREATE TABLE ratings (
  id             TEXT PRIMARY KEY,
  case_id        TEXT NOT NULL,
  requirement_id TEXT NOT NULL,
  rating         TEXT NOT NULL,
  rationale      TEXT NOT NULL,
  actor          TEXT NOT NULL,
  at             TEXT NOT NULL,
  rev            INTEGER NOT NULL
);

CREATE TABLE findings (
  id             TEXT PRIMARY KEY,
  case_id        TEXT NOT NULL,
  requirement_id TEXT NOT NULL,
  kind           TEXT NOT NULL,
  text           TEXT NOT NULL,
  action         TEXT,
  due            TEXT,
  status         TEXT NOT NULL,
  actor          TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  rev            INTEGER NOT NULL
);

CREATE TABLE staff (
  id          TEXT PRIMARY KEY,
  case_id     TEXT NOT NULL,
  name        TEXT NOT NULL,
  full_time   INTEGER NOT NULL,
  cert_kind   TEXT NOT NULL,
  cert_no     TEXT NOT NULL,
  valid_until TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  rev         INTEGER NOT NULL
);

CREATE TABLE projects (
  id         TEXT PRIMARY KEY,
  case_id    TEXT NOT NULL,
  client     TEXT NOT NULL,
  service    TEXT NOT NULL,
  from_date  TEXT NOT NULL,
  to_date    TEXT NOT NULL,
  accepted   INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  rev        INTEGER NOT NULL
);

CREATE TABLE panel_members (
  id          TEXT PRIMARY KEY,
  case_id     TEXT NOT NULL,
  name        TEXT NOT NULL,
  affiliation TEXT NOT NULL,
  role        TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  rev         INTEGER NOT NULL
);

CREATE TABLE panel_reviews (
  id         TEXT PRIMARY KEY,
  case_id    TEXT NOT NULL,
  member_id  TEXT NOT NULL,
  scope      TEXT NOT NULL,
  sufficient INTEGER NOT NULL,
  reasonable INTEGER NOT NULL,
  comment    TEXT NOT NULL,
  at         TEXT NOT NULL,
  rev        INTEGER NOT NULL
);

CREATE TABLE panel_votes (
  id        TEXT PRIMARY KEY,
  case_id   TEXT NOT NULL,
  member_id TEXT NOT NULL,
  vote      TEXT NOT NULL,
  comment   TEXT NOT NULL,
  at        TEXT NOT NULL,
  rev       INTEGER NOT NULL
);

-- The case's whole history in the exporting database's order (seq); each
-- entry's hash chains it to the one before, from 64 zeros (awb-history.c).
CREATE TABLE history (
  seq       INTEGER PRIMARY KEY,
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

CREATE TABLE history_heads (
  case_id TEXT PRIMARY KEY,
  count   INTEGER NOT NULL,
  hash    TEXT NOT NULL
);

CREATE TABLE tombstones (
  entity     TEXT NOT NULL,
  id         TEXT NOT NULL,
  case_id    TEXT NOT NULL,
  deleted_at TEXT NOT NULL,
  PRIMARY KEY (entity, id)
);

-- The exporting database's merge_versions rows of the case.
CREATE TABLE merge_versions (
  case_id TEXT NOT NULL,
  entity  TEXT NOT NULL,
  key     TEXT NOT NULL,
  version TEXT NOT NULL,
  deleted INTEGER NOT NULL,
  current INTEGER NOT NULL,
  PRIMARY KEY (case_id, entity, key, version)
) WITHOUT ROWID;

-- The bytes of every attached file, in parts of at most 1 MiB, keyed by the
-- file's SHA-256 (the attachments' sha256 column).
CREATE TABLE attachment_data (
  sha256 TEXT NOT NULL,
  part   INTEGER NOT NULL,
  data   BLOB NOT NULL,
  PRIMARY KEY (sha256, part)
);
