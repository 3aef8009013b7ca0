-- 0020 escalation sweep (issue 16, national scale): the reminder/escalation sweep reads only the open
-- decided items whose deadline puts them on a rung today, in keyset pages on (deadline, id), and
-- skips the ones whose (item, rung, deadline) claim is already in reminder_sends / escalation_sends
-- (their primary keys serve that). The open items by deadline and id, without sorting a day's items.
CREATE INDEX decisions_open_deadline_id_idx ON decisions (deadline, id) WHERE status <> 'closed';
