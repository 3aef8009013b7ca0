-- Decisions and supervision (督办): decided items of issued minutes, their deadlines over time,
-- progress reports, extension requests, reminders sent, status circulars (通报); notifications:
-- the in-app inbox, e-mail addresses, per-body notification settings (reminder lead time, webhook).
-- Dates are ISO calendar dates in Asia/Shanghai; "overdue" is never stored, it is derived.

CREATE TABLE decisions (
  id text PRIMARY KEY,
  body_id text NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
  -- The meeting and minutes the item was decided in
  meeting_id text NOT NULL REFERENCES meetings (id),
  minutes_id text NOT NULL REFERENCES minutes (id),
  -- Order of the item in its minutes, from 1
  item_no integer NOT NULL CHECK (item_no >= 1),
  text text NOT NULL CHECK (length(text) > 0),
  lead_unit_id text NOT NULL REFERENCES units (id),
  issued_on date NOT NULL,
  status text NOT NULL CHECK (status IN ('assigned', 'in_progress', 'completion_reported', 'closed')),
  -- The deadline in force (the latest row of decision_deadlines)
  deadline date NOT NULL,
  deadline_provisional boolean NOT NULL DEFAULT false,
  deadline_reasons jsonb NOT NULL DEFAULT '[]',
  completion_reported_at timestamptz,
  closed_at timestamptz,
  closed_by text REFERENCES accounts (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (minutes_id, item_no)
);
CREATE INDEX decisions_body_idx ON decisions (body_id, status, deadline);
CREATE INDEX decisions_lead_unit_idx ON decisions (lead_unit_id, status);
CREATE INDEX decisions_open_deadline_idx ON decisions (deadline) WHERE status <> 'closed';

CREATE TABLE decision_co_units (
  decision_id text NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
  unit_id text NOT NULL REFERENCES units (id),
  position integer NOT NULL DEFAULT 0,
  PRIMARY KEY (decision_id, unit_id)
);
CREATE INDEX decision_co_units_unit_idx ON decision_co_units (unit_id);

-- Every deadline a decision ever had, the first one set when it was assigned.
CREATE TABLE decision_deadlines (
  id text PRIMARY KEY,
  decision_id text NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
  deadline date NOT NULL,
  provisional boolean NOT NULL DEFAULT false,
  reasons jsonb NOT NULL DEFAULT '[]',
  -- How it was set: {"kind":"date"} | {"kind":"working_days","days":N} | {"kind":"charter_default","days":N,"clause":…} | {"kind":"extension","extensionRequestId":…}
  basis jsonb NOT NULL,
  set_at timestamptz NOT NULL,
  set_by text REFERENCES accounts (id),
  seq bigserial NOT NULL
);
CREATE INDEX decision_deadlines_decision_idx ON decision_deadlines (decision_id, seq);

CREATE TABLE extension_requests (
  id text PRIMARY KEY,
  decision_id text NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
  unit_id text NOT NULL REFERENCES units (id),
  requested_by text REFERENCES accounts (id),
  requested_deadline date NOT NULL,
  reason text NOT NULL CHECK (length(reason) > 0),
  status text NOT NULL CHECK (status IN ('pending', 'approved', 'refused')),
  decided_by text REFERENCES accounts (id),
  decided_at timestamptz,
  decision_note text,
  created_at timestamptz NOT NULL,
  seq bigserial NOT NULL
);
CREATE INDEX extension_requests_decision_idx ON extension_requests (decision_id, seq);
-- At most one pending request per decision
CREATE UNIQUE INDEX extension_requests_one_pending ON extension_requests (decision_id) WHERE status = 'pending';

-- Progress reports, completion reports and the office's send-backs and closing notes.
CREATE TABLE progress_reports (
  id text PRIMARY KEY,
  decision_id text NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('progress', 'completion', 'sent_back', 'closed')),
  unit_id text REFERENCES units (id),
  author_id text REFERENCES accounts (id),
  text text NOT NULL,
  created_at timestamptz NOT NULL,
  seq bigserial NOT NULL
);
CREATE INDEX progress_reports_decision_idx ON progress_reports (decision_id, seq);

CREATE TABLE progress_attachments (
  id text PRIMARY KEY,
  progress_report_id text NOT NULL REFERENCES progress_reports (id) ON DELETE CASCADE,
  file_name text NOT NULL,
  media_type text NOT NULL,
  size_bytes integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL
);
CREATE INDEX progress_attachments_report_idx ON progress_attachments (progress_report_id);

-- One row per reminder ever sent: the claim that makes each reminder go out once, whatever
-- number of sweeps or instances run. kind: before (N working days before), due (on the day), overdue.
CREATE TABLE reminder_sends (
  decision_id text NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('before', 'due', 'overdue')),
  due_date date NOT NULL,
  sent_at timestamptz NOT NULL,
  outbox_id bigint,
  PRIMARY KEY (decision_id, kind, due_date)
);

-- Status circulars (通报): a stored snapshot of every open item of a body on a day.
CREATE TABLE circulars (
  id text PRIMARY KEY,
  body_id text NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
  year integer NOT NULL,
  number integer NOT NULL CHECK (number >= 1),
  as_of date NOT NULL,
  items jsonb NOT NULL,
  created_by text REFERENCES accounts (id),
  created_at timestamptz NOT NULL,
  UNIQUE (body_id, year, number)
);

-- In-app inbox per account.
CREATE TABLE inbox_items (
  id text PRIMARY KEY,
  account_id text NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  body_id text REFERENCES bodies (id) ON DELETE CASCADE,
  event text NOT NULL,
  title text NOT NULL,
  message text NOT NULL,
  link text,
  -- The outbox notification it came from: fan-out of one notification writes each item once
  notification_id bigint,
  created_at timestamptz NOT NULL,
  read_at timestamptz
);
CREATE INDEX inbox_items_account_idx ON inbox_items (account_id, created_at DESC);
CREATE UNIQUE INDEX inbox_items_notification_unique ON inbox_items (notification_id, account_id);

-- Where an account receives e-mail.
CREATE TABLE notification_addresses (
  account_id text PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  email text NOT NULL,
  updated_at timestamptz NOT NULL
);

-- Per-body notification settings, set by the office.
CREATE TABLE body_notification_settings (
  body_id text PRIMARY KEY REFERENCES bodies (id) ON DELETE CASCADE,
  reminder_days_before integer NOT NULL DEFAULT 3 CHECK (reminder_days_before BETWEEN 1 AND 60),
  webhook_url text,
  webhook_secret text,
  webhook_enabled boolean NOT NULL DEFAULT false,
  updated_at timestamptz NOT NULL,
  updated_by text REFERENCES accounts (id)
);

-- Outbox: which body a row belongs to (failing deliveries per body) and when it was given up.
ALTER TABLE outbox ADD COLUMN body_id text;
ALTER TABLE outbox ADD COLUMN failed_at timestamptz;
CREATE INDEX outbox_body_failing_idx ON outbox (body_id) WHERE sent_at IS NULL AND attempts > 0;
