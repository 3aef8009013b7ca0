-- Meetings and minutes, run by each body's own charter: meetings (plenary, topical, liaison,
-- working, office, group), the convener's delegations (委托), agenda items (议题) and their
-- materials, invitees and observers (列席), attendance per member unit, and minutes (会议纪要)
-- numbered per body and year (第N期).

CREATE TABLE meetings (
  id text PRIMARY KEY,
  body_id text NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('plenary', 'topical', 'liaison', 'working', 'office', 'group')),
  -- The charter's own name for the kind (全体会议, 工作会议 …)
  kind_name text NOT NULL,
  group_id text REFERENCES groups (id),
  title text NOT NULL CHECK (length(title) > 0),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz,
  location text,
  status text NOT NULL CHECK (status IN ('draft', 'scheduled', 'held', 'minutes_drafted', 'minutes_signed_off',
    'minutes_issued', 'cancelled', 'postponed')),
  -- Why it was cancelled or postponed
  status_reason text,
  presider_membership_id text REFERENCES memberships (id),
  presider_person_id text REFERENCES people (id),
  -- A liaison meeting held before a plenary (the charter's pre_meeting rule)
  pre_meeting_of text REFERENCES meetings (id) DEFERRABLE,
  -- SEQUENCE of the meeting's iCalendar invitation (RFC 5545), raised on every change sent out
  ics_sequence integer NOT NULL DEFAULT 0,
  notice_sent_at timestamptz,
  held_at timestamptz,
  created_by text REFERENCES accounts (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  CHECK (kind <> 'group' OR group_id IS NOT NULL),
  CHECK (ends_at IS NULL OR ends_at > starts_at),
  CHECK (status NOT IN ('cancelled', 'postponed') OR status_reason IS NOT NULL)
);
CREATE INDEX meetings_body_idx ON meetings (body_id, starts_at);
CREATE INDEX meetings_pre_meeting_idx ON meetings (pre_meeting_of);

-- A convener's delegation (委托) of one meeting to a deputy convener, recorded by the convener.
CREATE TABLE meeting_delegations (
  id text PRIMARY KEY,
  meeting_id text NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  from_membership_id text NOT NULL REFERENCES memberships (id),
  to_membership_id text NOT NULL REFERENCES memberships (id),
  recorded_by text REFERENCES accounts (id),
  recorded_at timestamptz NOT NULL,
  UNIQUE (meeting_id, to_membership_id)
);

CREATE TABLE agenda_items (
  id text PRIMARY KEY,
  meeting_id text NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  position integer NOT NULL,
  title text NOT NULL CHECK (length(title) > 0),
  description text,
  -- Proposed for a member unit (by its liaison or member), or by the office (unit null)
  proposed_by_unit_id text REFERENCES units (id),
  proposed_by text REFERENCES accounts (id),
  proposed_at timestamptz NOT NULL,
  status text NOT NULL CHECK (status IN ('proposed', 'approved', 'rejected')),
  decision_reason text,
  decided_by text REFERENCES accounts (id),
  -- The role the decider acted in (convener, deputy_convener, office …)
  decided_as text,
  decided_at timestamptz,
  CHECK (status <> 'rejected' OR decision_reason IS NOT NULL),
  UNIQUE (meeting_id, position)
);

CREATE TABLE meeting_materials (
  id text PRIMARY KEY,
  meeting_id text NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  agenda_item_id text NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
  name text NOT NULL CHECK (length(name) > 0),
  content_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes >= 0),
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_by text REFERENCES accounts (id),
  uploaded_at timestamptz NOT NULL,
  circulated_at timestamptz
);
CREATE INDEX meeting_materials_meeting_idx ON meeting_materials (meeting_id);

-- Who is invited: the members valid on the meeting day (one row per role holder or member unit),
-- and observers (列席), approved where the charter requires it.
CREATE TABLE meeting_invitees (
  id text PRIMARY KEY,
  meeting_id text NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('member', 'observer')),
  role_kind text CHECK (role_kind IN ('convener', 'deputy_convener', 'member', 'liaison')),
  title text,
  unit_id text REFERENCES units (id),
  person_id text REFERENCES people (id),
  membership_id text REFERENCES memberships (id),
  -- Who the observer is, as the office names them
  name text,
  approval_status text NOT NULL CHECK (approval_status IN ('not_required', 'proposed', 'approved', 'rejected')),
  approval_reason text,
  approved_by text REFERENCES accounts (id),
  approved_at timestamptz,
  proposed_by text REFERENCES accounts (id),
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL
);
CREATE INDEX meeting_invitees_meeting_idx ON meeting_invitees (meeting_id, kind, position);

-- Attendance per member unit.
CREATE TABLE meeting_attendance (
  meeting_id text NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  unit_id text NOT NULL REFERENCES units (id),
  status text NOT NULL CHECK (status IN ('attended', 'substitute', 'liaison_with_opinion', 'absent_with_leave', 'absent')),
  substitute_name text,
  substitute_position text,
  opinion text,
  leave_reason text,
  recorded_by text REFERENCES accounts (id),
  recorded_at timestamptz NOT NULL,
  PRIMARY KEY (meeting_id, unit_id),
  CHECK (status <> 'substitute' OR substitute_name IS NOT NULL),
  CHECK (status <> 'liaison_with_opinion' OR opinion IS NOT NULL),
  CHECK (status <> 'absent_with_leave' OR leave_reason IS NOT NULL)
);

CREATE TABLE minutes (
  id text PRIMARY KEY,
  meeting_id text NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  body_id text NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
  status text NOT NULL CHECK (status IN ('draft', 'signed_off', 'issued')),
  title text NOT NULL,
  proceedings text NOT NULL,
  -- Drafts of the decided items: [{ text, leadUnitId, coUnitIds, deadline }]
  decided_items jsonb NOT NULL DEFAULT '[]',
  signed_off_by text REFERENCES accounts (id),
  signed_off_person_id text REFERENCES people (id),
  signed_off_as text,
  signed_off_at timestamptz,
  -- 第N期 of the body's year
  year integer,
  number integer CHECK (number IS NULL OR number >= 1),
  issued_on date,
  issued_at timestamptz,
  issued_by text REFERENCES accounts (id),
  -- Computed at issue: member units and report copies ({ memberUnits, reportCopyTo, copyTo })
  distribution jsonb,
  decision_ids jsonb NOT NULL DEFAULT '[]',
  -- A correction issue names the minutes it corrects
  corrects_minutes_id text REFERENCES minutes (id) DEFERRABLE,
  created_by text REFERENCES accounts (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  version integer NOT NULL DEFAULT 1,
  CONSTRAINT minutes_number_unique UNIQUE (body_id, year, number),
  CHECK (status <> 'issued' OR (number IS NOT NULL AND year IS NOT NULL AND issued_at IS NOT NULL))
);
CREATE INDEX minutes_body_idx ON minutes (body_id, year, number);
-- One original minutes per meeting; corrections are further rows
CREATE UNIQUE INDEX minutes_one_per_meeting ON minutes (meeting_id) WHERE corrects_minutes_id IS NULL;
