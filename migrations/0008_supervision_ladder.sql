-- Supervision (督办) escalation, meeting frequency, dissolution handover (issue 11 items 5 and 6).
-- Each rung of the escalation ladder, each meeting-frequency warning and each sunset warning is
-- claimed by one row (INSERT … ON CONFLICT DO NOTHING in the transaction that enqueues it), so a
-- sweep run twice, or by several instances at once, sends it once.

-- The ladder of each body, set by the office (defaults apply while a body has no row).
CREATE TABLE body_supervision_settings (
  body_id text PRIMARY KEY REFERENCES bodies (id) ON DELETE CASCADE,
  -- After this many working days overdue the reminder is repeated and raised to the lead unit's member
  member_after_days integer NOT NULL DEFAULT 5 CHECK (member_after_days BETWEEN 1 AND 60),
  -- After this many working days overdue it goes to the convener and deputies and into the next circular
  convener_after_days integer NOT NULL DEFAULT 10 CHECK (convener_after_days BETWEEN 2 AND 120),
  -- Calendar days before the year ends the office is warned of a meeting-frequency shortfall
  frequency_warning_days integer NOT NULL DEFAULT 30 CHECK (frequency_warning_days BETWEEN 1 AND 180),
  updated_at timestamptz NOT NULL,
  updated_by text REFERENCES accounts (id),
  CHECK (convener_after_days > member_after_days)
);

-- The rungs above "overdue" (the lower ones stay in reminder_sends), once per item and deadline.
CREATE TABLE escalation_sends (
  decision_id text NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
  rung text NOT NULL CHECK (rung IN ('overdue_member', 'overdue_convener')),
  due_date date NOT NULL,
  sent_at timestamptz NOT NULL,
  outbox_id bigint,
  PRIMARY KEY (decision_id, rung, due_date)
);

-- One meeting-frequency warning per body and year.
CREATE TABLE meeting_frequency_warnings (
  body_id text NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
  year integer NOT NULL,
  sent_at timestamptz NOT NULL,
  outbox_id bigint,
  PRIMARY KEY (body_id, year)
);

-- Sunset warnings: 30 and 7 days before the charter's sunset date, once each.
CREATE TABLE sunset_warnings (
  body_id text NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
  sunset_date date NOT NULL,
  days_before integer NOT NULL CHECK (days_before IN (30, 7)),
  sent_at timestamptz NOT NULL,
  outbox_id bigint,
  PRIMARY KEY (body_id, sunset_date, days_before)
);

-- How the office handed over an open decided item of a body that dissolves: transferred to a
-- successor body (the item moves there and stays open), to a successor unit, or closed with a reason.
CREATE TABLE decision_handovers (
  id text PRIMARY KEY,
  decision_id text NOT NULL UNIQUE REFERENCES decisions (id) ON DELETE CASCADE,
  from_body_id text NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
  action text NOT NULL CHECK (action IN ('transfer_body', 'transfer_unit', 'close')),
  successor_body_id text REFERENCES bodies (id),
  successor_unit_id text REFERENCES units (id),
  reason text NOT NULL CHECK (length(reason) > 0),
  handed_over_at timestamptz NOT NULL,
  handed_over_by text REFERENCES accounts (id),
  CHECK ((action = 'transfer_body') = (successor_body_id IS NOT NULL)),
  CHECK ((action = 'transfer_unit') = (successor_unit_id IS NOT NULL))
);
CREATE INDEX decision_handovers_body_idx ON decision_handovers (from_body_id);
