-- A 指挥部 (command body: 指挥长 / 副指挥长) is a body kind of its own (docs/glossary.md).
ALTER TABLE bodies DROP CONSTRAINT IF EXISTS bodies_kind_check;
ALTER TABLE bodies ADD CONSTRAINT bodies_kind_check
  CHECK (kind IN ('joint_meeting', 'task_force', 'coordination_group', 'leading_group', 'command', 'other'));
