/**
 * A body's groups (专题组 / 保障组 / 协调类别) with their lead units, member units and the group's own
 * leaders (组长 / 副组长). The charter states the groups; the office may correct a group's units and
 * set its leaders (audited). A correction is stored apart from the charter, keyed by the group's
 * name (src/domain/directory/group-corrections.ts), and re-applied whenever a charter is synced, so
 * it survives a re-import.
 */
import type { Database, DbOrTx } from '../db/database.ts';
import type { Group, GroupKind } from '../domain/charter/charter-types.ts';
import { applyGroupCorrection, checkGroupCorrection, groupKey } from '../domain/directory/group-corrections.ts';
import type { GroupCorrection, GroupLeader, GroupLeaderTitle } from '../domain/directory/group-corrections.ts';
import { unitNameKey } from '../domain/directory/unit-name.ts';
import { AppError } from '../errors/app-error.ts';
import {
  deleteGroup,
  findGroupById,
  findGroupCorrection,
  insertGroup,
  listGroupCorrections,
  listGroupRows,
  listGroupsOfBody,
  setGroupUnits,
  updateGroup,
  upsertGroupCorrection,
} from '../repositories/group-repository.ts';
import type { GroupCorrectionRow, GroupView } from '../repositories/group-repository.ts';
import { listMembershipsOfBody } from '../repositories/membership-repository.ts';
import { listPeopleOfBody } from '../repositories/person-repository.ts';
import { listBodyUnits } from '../repositories/unit-repository.ts';
import { recordAudit } from './audit-service.ts';
import type { AuditOrigin } from './audit-service.ts';
import type { UnitResolver } from './unit-service.ts';
import { shanghaiDateOf } from '../domain/time/shanghai-date.ts';

export interface GroupItem {
  id: string;
  bodyId: string;
  kind: GroupKind;
  name: string;
  duties: string[];
  leadUnits: { id: string; name: string }[];
  memberUnits: { id: string; name: string }[];
  /** The group's own leaders (组长 first) */
  leaders: { personId: string; personName: string; title: GroupLeaderTitle }[];
  /** The office corrected the group: what it set, when and by whom */
  correction: { updatedAt: string; updatedBy: string | null; reason: string | null; parts: ('leadUnits' | 'memberUnits' | 'leaders')[] } | null;
}

function correctionParts(row: GroupCorrectionRow): ('leadUnits' | 'memberUnits' | 'leaders')[] {
  const parts: ('leadUnits' | 'memberUnits' | 'leaders')[] = [];
  if (row.leadUnitIds !== null) parts.push('leadUnits');
  if (row.memberUnitIds !== null) parts.push('memberUnits');
  if (row.leaders !== null) parts.push('leaders');
  return parts;
}

async function toGroupItems(db: DbOrTx, bodyId: string, views: readonly GroupView[]): Promise<GroupItem[]> {
  const names = new Map((await listPeopleOfBody(db, bodyId)).map((p) => [p.id, p.name]));
  const corrections = new Map((await listGroupCorrections(db, bodyId)).map((c) => [c.groupKey, c]));
  return views.map((view) => {
    const correction = corrections.get(groupKey(view.name));
    return {
      id: view.id,
      bodyId: view.bodyId,
      kind: view.kind,
      name: view.name,
      duties: view.duties,
      leadUnits: view.units.filter((u) => u.lead).map((u) => ({ id: u.unitId, name: u.name })),
      memberUnits: view.units.filter((u) => !u.lead).map((u) => ({ id: u.unitId, name: u.name })),
      leaders: [...view.leaders]
        .sort((a, b) => Number(b.title === '组长') - Number(a.title === '组长'))
        .map((l) => ({ personId: l.personId, personName: names.get(l.personId) ?? '', title: l.title })),
      correction: correction
        ? { updatedAt: correction.updatedAt.toISOString(), updatedBy: correction.updatedBy, reason: correction.reason, parts: correctionParts(correction) }
        : null,
    };
  });
}

export async function listGroups(db: DbOrTx, options: { bodyId: string }): Promise<GroupItem[]> {
  return toGroupItems(db, options.bodyId, await listGroupsOfBody(db, options.bodyId));
}

async function groupOfBody(db: DbOrTx, bodyId: string, groupId: string): Promise<GroupView> {
  const view = await findGroupById(db, groupId);
  if (!view || view.bodyId !== bodyId) throw new AppError('group_not_found', '工作组不存在', { field: 'groupId' });
  return view;
}

export async function getGroup(db: DbOrTx, options: { bodyId: string; groupId: string }): Promise<GroupItem> {
  const view = await groupOfBody(db, options.bodyId, options.groupId);
  const [item] = await toGroupItems(db, options.bodyId, [view]);
  if (!item) throw new Error(`group ${options.groupId} vanished`);
  return item;
}

function correctionOf(row: GroupCorrectionRow | null): GroupCorrection | null {
  return row === null ? null : { leadUnitIds: row.leadUnitIds, memberUnitIds: row.memberUnitIds, leaders: row.leaders };
}

/**
 * Makes the body's groups those of the charter: groups are matched by name (kept with their id),
 * new ones are added, ones the charter no longer has are removed; units are resolved in the
 * shared directory. The office's corrections are applied on top, by group name.
 */
export async function syncGroups(tx: DbOrTx, options: { bodyId: string; groups: readonly Group[]; units: UnitResolver }): Promise<void> {
  const existing = new Map((await listGroupRows(tx, options.bodyId)).map((g) => [unitNameKey(g.name), g]));
  const corrections = new Map((await listGroupCorrections(tx, options.bodyId)).map((c) => [c.groupKey, c]));
  const kept = new Set<string>();
  for (const [position, group] of options.groups.entries()) {
    const key = unitNameKey(group.name);
    if (key === '' || kept.has(key)) continue;
    kept.add(key);
    const current = existing.get(key);
    const row = current ?? (await insertGroup(tx, { bodyId: options.bodyId, kind: group.kind, name: group.name, duties: group.duties, position }));
    const charterUnits: { unitId: string; lead: boolean }[] = [];
    for (const [names, lead] of [
      [group.leadUnits, true],
      [group.memberUnits, false],
    ] as const) {
      for (const name of names) {
        const unit = await options.units.resolve(name);
        if (unit) charterUnits.push({ unitId: unit.id, lead });
      }
    }
    const composition = applyGroupCorrection(charterUnits, correctionOf(corrections.get(groupKey(group.name)) ?? null));
    await updateGroup(tx, row.id, { kind: group.kind, duties: group.duties, position, leaders: composition.leaders });
    await setGroupUnits(tx, row.id, composition.units);
  }
  for (const [key, row] of existing) if (!kept.has(key)) await deleteGroup(tx, row.id);
}

export interface GroupCorrectionInput {
  /** Lead units (牵头单位); null or absent keeps what is set */
  leadUnitIds?: string[] | null;
  memberUnitIds?: string[] | null;
  leaders?: { personId: string; title: GroupLeaderTitle }[] | null;
  /** Why the office corrects the group (audited) */
  reason: string;
}

const CORRECTION_PROBLEMS = {
  duplicate_leader: '同一人员不能重复担任本组负责人',
  too_many_leads: '每个工作组只能有一名组长',
  unit_both_lead_and_member: '同一单位不能既是牵头单位又是成员单位',
} as const;

/**
 * The office sets a group's lead units, member units and leaders (组长 / 副组长). Units must be
 * member units of the body on the day; leaders people holding a membership of the body on the day
 * (no one from outside the body becomes a group leader). Stored as a correction that survives a
 * re-import, applied to the group at once, and audited with who and why.
 */
export async function correctGroup(
  db: Database,
  options: { bodyId: string; groupId: string; input: GroupCorrectionInput; origin: AuditOrigin; now: Date },
): Promise<GroupItem> {
  const reason = options.input.reason.trim();
  if (reason === '') throw new AppError('reason_required', '请填写调整理由', { field: 'reason' });
  return db.transaction(async (tx) => {
    const before = await groupOfBody(tx, options.bodyId, options.groupId);
    const day = shanghaiDateOf(options.now);
    const key = groupKey(before.name);
    const stored = await findGroupCorrection(tx, options.bodyId, key);
    const next: GroupCorrection = {
      leadUnitIds: options.input.leadUnitIds === undefined ? (stored?.leadUnitIds ?? null) : options.input.leadUnitIds,
      memberUnitIds: options.input.memberUnitIds === undefined ? (stored?.memberUnitIds ?? null) : options.input.memberUnitIds,
      leaders: options.input.leaders === undefined ? (stored?.leaders ?? null) : options.input.leaders,
    };
    const problem = checkGroupCorrection(next);
    if (problem) {
      const field = problem.code === 'unit_both_lead_and_member' ? 'memberUnitIds' : `leaders.${problem.index}.personId`;
      throw new AppError(`group_${problem.code}`, CORRECTION_PROBLEMS[problem.code], { field });
    }
    const bodyUnits = new Set((await listBodyUnits(tx, options.bodyId, day)).map((u) => u.unitId));
    for (const [field, ids] of [
      ['leadUnitIds', next.leadUnitIds],
      ['memberUnitIds', next.memberUnitIds],
    ] as const) {
      for (const [i, id] of (ids ?? []).entries()) {
        if (!bodyUnits.has(id)) throw new AppError('unit_not_member', '该单位不是本机构的成员单位', { field: `${field}.${i}` });
      }
    }
    const holding = new Set((await listMembershipsOfBody(tx, options.bodyId, { at: day })).map((m) => m.personId).filter((id) => id !== null));
    for (const [i, leader] of (next.leaders ?? []).entries()) {
      if (!holding.has(leader.personId)) {
        throw new AppError('leader_not_in_body', '工作组组长、副组长须是本机构在任的成员、联络员或召集人', { field: `leaders.${i}.personId` });
      }
    }
    const correction = await upsertGroupCorrection(tx, {
      bodyId: options.bodyId,
      groupKey: key,
      groupName: before.name,
      leadUnitIds: next.leadUnitIds === null ? null : [...next.leadUnitIds],
      memberUnitIds: next.memberUnitIds === null ? null : [...next.memberUnitIds],
      leaders: next.leaders === null ? null : next.leaders.map((l): GroupLeader => ({ personId: l.personId, title: l.title })),
      reason,
      updatedBy: options.origin.actorId,
      updatedAt: options.now,
    });
    const charterUnits = before.units.map((u) => ({ unitId: u.unitId, lead: u.lead }));
    const composition = applyGroupCorrection(charterUnits, {
      leadUnitIds: next.leadUnitIds,
      memberUnitIds: next.memberUnitIds,
      leaders: next.leaders,
    });
    await setGroupUnits(tx, before.id, composition.units);
    await updateGroup(tx, before.id, { leaders: composition.leaders });
    const after = await groupOfBody(tx, options.bodyId, options.groupId);
    await recordAudit(tx, {
      ...options.origin,
      action: 'group.correct',
      entityType: 'group',
      entityId: before.id,
      before: { units: before.units, leaders: before.leaders },
      after: { units: after.units, leaders: after.leaders, correction },
    });
    return getGroup(tx, options);
  });
}
