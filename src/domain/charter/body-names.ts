/**
 * The Chinese names of a body's kind and level, as the registry export and the CLI print them
 * (docs/glossary.md). The web client has its own bilingual labels in its i18n dictionaries. Pure: no I/O.
 */
import type { BodyKind, BodyLevel } from './charter-types.ts';

/** A body kind's Chinese name. */
export const BODY_KIND_NAMES: Readonly<Record<BodyKind, string>> = {
  joint_meeting: '联席会议',
  task_force: '工作专班',
  coordination_group: '协调小组',
  leading_group: '领导小组',
  command: '指挥部',
  other: '其他议事协调机构',
};

/** A body level's Chinese name. */
export const BODY_LEVEL_NAMES: Readonly<Record<BodyLevel, string>> = {
  national: '国家级',
  provincial: '省级',
  municipal: '市级',
  county: '县级',
};
