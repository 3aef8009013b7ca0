-- Membership changes by the charter and editable groups (issue 11 items 3 and 4).
--
-- membership_change_proposals: a unit (its liaison or member) or the office proposes a change of a
-- member's or liaison's post (start one, end one, hand a post over); the body confirms it as the
-- charter's membership_change rule says (the office, the convener, or the plenary recorded by the
-- office with its basis), and only then the membership rows change, on the proposal's date. The
-- row keeps who proposed and confirmed, as which role, and the clause they acted under.
--
-- group_corrections: what the office set on a group (lead units, member units, the group's own
-- leaders 组长/副组长), keyed by the group's normalised name so that it survives a re-import of the
-- charter. groups.leaders holds the leaders as applied.

CREATE TABLE membership_change_proposals (
  id text PRIMARY KEY,
  body_id text NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
  -- start | end | handover
  kind text NOT NULL,
  -- proposed | confirmed | rejected
  status text NOT NULL,
  -- The membership an end or handover concerns
  membership_id text REFERENCES memberships (id),
  role_kind text NOT NULL,
  title text NOT NULL,
  unit_id text REFERENCES units (id),
  person_id text REFERENCES people (id),
  person_name text,
  position text,
  effective_date date NOT NULL,
  reason text,
  proposed_by text NOT NULL REFERENCES accounts (id),
  proposed_as text NOT NULL,
  proposed_at timestamptz NOT NULL,
  -- office | convener | plenary: who the charter (or the default) says confirms
  confirmer text NOT NULL,
  clause jsonb NOT NULL,
  decided_by text REFERENCES accounts (id),
  decided_as text,
  decided_at timestamptz,
  decision_note text,
  -- A plenary's confirmation: the held plenary meeting it was decided at
  meeting_id text REFERENCES meetings (id),
  -- The change as it took effect: the membership started (and the day it did)
  started_membership_id text REFERENCES memberships (id),
  took_effect_on date
);
CREATE INDEX membership_change_proposals_body_idx ON membership_change_proposals (body_id, status, proposed_at);

CREATE TABLE group_corrections (
  id text PRIMARY KEY,
  body_id text NOT NULL REFERENCES bodies (id) ON DELETE CASCADE,
  group_key text NOT NULL,
  group_name text NOT NULL,
  -- null: as the charter says
  lead_unit_ids text[],
  member_unit_ids text[],
  -- [{ personId, title }]; null: none set
  leaders jsonb,
  reason text,
  updated_by text REFERENCES accounts (id),
  updated_at timestamptz NOT NULL,
  UNIQUE (body_id, group_key)
);

ALTER TABLE groups ADD COLUMN leaders jsonb NOT NULL DEFAULT '[]'::jsonb;
