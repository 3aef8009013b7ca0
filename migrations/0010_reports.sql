-- Information reports (信息报送) and the annual cycle (年度工作报告 / 年度工作要点), issue 12 points 1 and 3.
-- A report belongs to the unit that wrote it and is offered to one or more bodies the unit sits in
-- ("report once"); each offer counts in that body's tally for its reporter (the unit, or a group of
-- the body the unit reports for) and period. Reminders and the office's settings follow the
-- supervision pattern: one claim row per reminder, inserted in the transaction that enqueues it.

-- The office's settings of a body: used when the charter states no quota (the feature is off until
-- the office enables it) and for the category list the units choose from.
CREATE TABLE info_report_settings (
  body_id text PRIMARY KEY REFERENCES bodies (id) ON DELETE CASCADE,
  enabled boolean NOT NULL DEFAULT false,
  reporter text NOT NULL DEFAULT 'member_unit' CHECK (reporter IN ('member_unit', 'group')),
  quota_count integer NOT NULL DEFAULT 1 CHECK (quota_count BETWEEN 1 AND 100),
  period_months integer NOT NULL DEFAULT 1 CHECK (period_months IN (1, 3, 6, 12)),
  categories jsonb NOT NULL DEFAULT '[]'::jsonb,
  reminder_days_before integer NOT NULL DEFAULT 5 CHECK (reminder_days_before BETWEEN 1 AND 60),
  updated_at timestamptz NOT NULL,
  updated_by text REFERENCES accounts (id)
);

CREATE TABLE info_reports (
  id text PRIMARY KEY,
  unit_id text NOT NULL REFERENCES units (id),
  title text NOT NULL CHECK (length(title) > 0),
  text text NOT NULL CHECK (length(text) > 0),
  category text NOT NULL,
  created_at timestamptz NOT NULL,
  created_by text REFERENCES accounts (id)
);
CREATE INDEX info_reports_unit_idx ON info_reports (unit_id, created_at);

CREATE TABLE info_report_attachments (
  id text PRIMARY KEY,
  report_id text NOT NULL REFERENCES info_reports (id) ON DELETE CASCADE,
  file_name text NOT NULL,
  media_type text NOT NULL,
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL
);
CREATE INDEX info_report_attachments_report_idx ON info_report_attachments (report_id);

-- One offer of a report to one body, counted for a reporter (the unit, or a group of the body) and period.
CREATE TABLE info_report_offers (
  id text PRIMARY KEY,
  report_id text NOT NULL REFERENCES info_reports (id) ON DELETE CASCADE,
  body_id text NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
  reporter_kind text NOT NULL CHECK (reporter_kind IN ('member_unit', 'group')),
  reporter_id text NOT NULL,
  reporter_name text NOT NULL,
  period text NOT NULL,
  status text NOT NULL CHECK (status IN ('submitted', 'accepted', 'returned', 'adopted')),
  reason text,
  submitted_at timestamptz NOT NULL,
  decided_at timestamptz,
  decided_by text REFERENCES accounts (id),
  UNIQUE (report_id, body_id)
);
CREATE INDEX info_report_offers_body_idx ON info_report_offers (body_id, period, reporter_kind, reporter_id);
CREATE INDEX info_report_offers_status_idx ON info_report_offers (body_id, status);

-- One reminder per body, reporter and period.
CREATE TABLE info_report_reminders (
  body_id text NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
  reporter_kind text NOT NULL,
  reporter_id text NOT NULL,
  period text NOT NULL,
  sent_at timestamptz NOT NULL,
  outbox_id bigint,
  PRIMARY KEY (body_id, reporter_kind, reporter_id, period)
);

-- A year's collection of annual reports of a body, created by the office from its charter's rule.
CREATE TABLE annual_collections (
  id text PRIMARY KEY,
  body_id text NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
  year integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('annual_report', 'work_plan')),
  clause text,
  rule_text text NOT NULL,
  report_to text NOT NULL,
  deadline date NOT NULL,
  status text NOT NULL CHECK (status IN ('collecting', 'compiled', 'adopted')),
  compiled_text text,
  compiled_at timestamptz,
  compiled_by text REFERENCES accounts (id),
  -- The outgoing document (发文) the compiled report is issued through, when one was started
  outgoing_document_id text,
  agenda_item_id text,
  created_at timestamptz NOT NULL,
  created_by text REFERENCES accounts (id),
  UNIQUE (body_id, year, kind)
);

-- A unit's (or a group's) task in a collection.
CREATE TABLE annual_tasks (
  id text PRIMARY KEY,
  collection_id text NOT NULL REFERENCES annual_collections (id) ON DELETE CASCADE,
  reporter_kind text NOT NULL CHECK (reporter_kind IN ('member_unit', 'group')),
  reporter_id text NOT NULL,
  reporter_name text NOT NULL,
  deadline date NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'submitted', 'returned', 'accepted')),
  text text,
  reason text,
  submitted_at timestamptz,
  submitted_by text REFERENCES accounts (id),
  decided_at timestamptz,
  decided_by text REFERENCES accounts (id),
  UNIQUE (collection_id, reporter_kind, reporter_id)
);
CREATE INDEX annual_tasks_reporter_idx ON annual_tasks (reporter_kind, reporter_id, status);
