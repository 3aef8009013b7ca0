-- 0015 read paths (issue 16): composite and partial indexes for the busy reads at national scale.
-- Each index names the read it serves; indexes made redundant by a wider one are dropped.

-- Registry filtered by kind, level or status, newest first (keyset on created_at, id)
DROP INDEX bodies_kind_idx;
DROP INDEX bodies_level_idx;
CREATE INDEX bodies_kind_created_idx ON bodies (kind, created_at, id);
CREATE INDEX bodies_level_created_idx ON bodies (level, created_at, id);
CREATE INDEX bodies_status_created_idx ON bodies (status, created_at, id);

-- The reader's roles in many bodies at once: memberships of the reader's person by body
DROP INDEX memberships_person_idx;
CREATE INDEX memberships_person_body_idx ON memberships (person_id, body_id);

-- Open items of a body by deadline (activity counts, overdue items) and of a lead unit across bodies
CREATE INDEX decisions_body_open_idx ON decisions (body_id, deadline) WHERE status <> 'closed';
DROP INDEX decisions_lead_unit_idx;
CREATE INDEX decisions_lead_open_idx ON decisions (lead_unit_id, deadline) WHERE status <> 'closed';
CREATE INDEX decisions_lead_unit_idx ON decisions (lead_unit_id, status);
-- Items a unit co-handles, without visiting the table for the decision id
DROP INDEX decision_co_units_unit_idx;
CREATE INDEX decision_co_units_unit_idx ON decision_co_units (unit_id, decision_id);

-- The unread count of an inbox
CREATE INDEX inbox_items_unread_idx ON inbox_items (account_id) WHERE read_at IS NULL;

-- Audit trail searches, newest first (keyset on seq)
DROP INDEX audit_log_actor_idx;
DROP INDEX audit_log_entity_idx;
CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, seq);
CREATE INDEX audit_log_action_idx ON audit_log (action, seq);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id, seq);

-- Calendar feed: a person's invitations, and a meeting's minutes (with their corrections)
CREATE INDEX meeting_invitees_person_idx ON meeting_invitees (person_id);
CREATE INDEX minutes_meeting_idx ON minutes (meeting_id);
