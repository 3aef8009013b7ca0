/**
 * Corrections the office makes to a body's groups (专题组 / 保障组 / 协调类别): the lead units, the
 * member units and the group's own leaders (组长 / 副组长). A correction is kept apart from the
 * charter, keyed by the group's normalised name, and applied on top of what the charter states each
 * time the groups are synced, so that it survives a re-import. Parts left null keep the charter's
 * statement. Pure: no I/O.
 */
import { unitNameKey } from './unit-name.ts';

export const GROUP_LEADER_TITLES = ['组长', '副组长'] as const;
export type GroupLeaderTitle = (typeof GROUP_LEADER_TITLES)[number];

/** A leader of a group: a person of the body, with the group's title. */
export interface GroupLeader {
  personId: string;
  title: GroupLeaderTitle;
}

export interface GroupCorrection {
  /** null: the lead units the charter states */
  leadUnitIds: readonly string[] | null;
  /** null: the member units the charter states */
  memberUnitIds: readonly string[] | null;
  /** null: no leaders set */
  leaders: readonly GroupLeader[] | null;
}

export interface GroupComposition {
  units: { unitId: string; lead: boolean }[];
  leaders: GroupLeader[];
}

/** The key a group's correction is stored under: its normalised name. */
export function groupKey(name: string): string {
  return unitNameKey(name);
}

/**
 * The group's units and leaders: the charter's, with the correction's parts in place of theirs.
 * Once the office corrects the units, a unit is either lead or member, not both.
 */
export function applyGroupCorrection(charterUnits: readonly { unitId: string; lead: boolean }[], correction: GroupCorrection | null): GroupComposition {
  const leaders = [...(correction?.leaders ?? [])];
  // Units as the charter states them (a charter may list a unit as both lead and member).
  if ((correction?.leadUnitIds ?? null) === null && (correction?.memberUnitIds ?? null) === null) return { units: [...charterUnits], leaders };
  const lead = correction?.leadUnitIds ?? charterUnits.filter((u) => u.lead).map((u) => u.unitId);
  const leadSet = new Set(lead);
  const members = (correction?.memberUnitIds ?? charterUnits.filter((u) => !u.lead).map((u) => u.unitId)).filter((id) => !leadSet.has(id));
  return {
    units: [...new Set(lead)].map((unitId) => ({ unitId, lead: true })).concat([...new Set(members)].map((unitId) => ({ unitId, lead: false }))),
    leaders,
  };
}

export type GroupCorrectionProblem =
  | { code: 'duplicate_leader'; index: number }
  | { code: 'too_many_leads'; index: number }
  | { code: 'unit_both_lead_and_member'; unitId: string };

/** What is wrong with a correction, or null: a person leads once, one 组长 at most, a unit is lead or member, not both. */
export function checkGroupCorrection(correction: GroupCorrection): GroupCorrectionProblem | null {
  const seen = new Set<string>();
  let heads = 0;
  for (const [index, leader] of (correction.leaders ?? []).entries()) {
    if (seen.has(leader.personId)) return { code: 'duplicate_leader', index };
    seen.add(leader.personId);
    if (leader.title === '组长') {
      heads += 1;
      if (heads > 1) return { code: 'too_many_leads', index };
    }
  }
  const lead = new Set(correction.leadUnitIds ?? []);
  for (const unitId of correction.memberUnitIds ?? []) if (lead.has(unitId)) return { code: 'unit_both_lead_and_member', unitId };
  return null;
}
