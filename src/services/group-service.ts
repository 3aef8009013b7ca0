/** A body's groups (专题组 / 保障组 / 协调类别) with their lead and member units. */
import type { DbOrTx } from '../db/database.ts';
import type { Group, GroupKind } from '../domain/charter/charter-types.ts';
import { unitNameKey } from '../domain/directory/unit-name.ts';
import { AppError } from '../errors/app-error.ts';
import { deleteGroup, findGroupById, insertGroup, listGroupRows, listGroupsOfBody, setGroupUnits, updateGroup } from '../repositories/group-repository.ts';
import type { GroupView } from '../repositories/group-repository.ts';
import type { UnitResolver } from './unit-service.ts';

export interface GroupItem {
  id: string;
  bodyId: string;
  kind: GroupKind;
  name: string;
  duties: string[];
  leadUnits: { id: string; name: string }[];
  memberUnits: { id: string; name: string }[];
}

function toGroupItem(view: GroupView): GroupItem {
  return {
    id: view.id,
    bodyId: view.bodyId,
    kind: view.kind,
    name: view.name,
    duties: view.duties,
    leadUnits: view.units.filter((u) => u.lead).map((u) => ({ id: u.unitId, name: u.name })),
    memberUnits: view.units.filter((u) => !u.lead).map((u) => ({ id: u.unitId, name: u.name })),
  };
}

export async function listGroups(db: DbOrTx, options: { bodyId: string }): Promise<GroupItem[]> {
  return (await listGroupsOfBody(db, options.bodyId)).map(toGroupItem);
}

export async function getGroup(db: DbOrTx, options: { bodyId: string; groupId: string }): Promise<GroupItem> {
  const view = await findGroupById(db, options.groupId);
  if (!view || view.bodyId !== options.bodyId) throw new AppError('group_not_found', 404, '工作组不存在', { field: 'groupId' });
  return toGroupItem(view);
}

/**
 * Makes the body's groups those of the charter: groups are matched by name (kept with their id),
 * new ones are added, ones the charter no longer has are removed; units are resolved in the
 * shared directory.
 */
export async function syncGroups(tx: DbOrTx, options: { bodyId: string; groups: readonly Group[]; units: UnitResolver }): Promise<void> {
  const existing = new Map((await listGroupRows(tx, options.bodyId)).map((g) => [unitNameKey(g.name), g]));
  const kept = new Set<string>();
  for (const [position, group] of options.groups.entries()) {
    const key = unitNameKey(group.name);
    if (key === '' || kept.has(key)) continue;
    kept.add(key);
    const current = existing.get(key);
    const row = current ?? (await insertGroup(tx, { bodyId: options.bodyId, kind: group.kind, name: group.name, duties: group.duties, position }));
    if (current) await updateGroup(tx, current.id, { kind: group.kind, duties: group.duties, position });
    const members: { unitId: string; lead: boolean }[] = [];
    for (const [names, lead] of [
      [group.leadUnits, true],
      [group.memberUnits, false],
    ] as const) {
      for (const name of names) {
        const unit = await options.units.resolve(name);
        if (unit) members.push({ unitId: unit.id, lead });
      }
    }
    await setGroupUnits(tx, row.id, members);
  }
  for (const [key, row] of existing) if (!kept.has(key)) await deleteGroup(tx, row.id);
}
