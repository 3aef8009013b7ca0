/** SQL for a body's groups (专题组 / 保障组 / 协调类别) and their lead and member units. */
import { randomUUID } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { groupUnits, groups, units } from '../db/schema/bodies.ts';
import type { GroupKind } from '../domain/charter/charter-types.ts';

export type GroupRow = typeof groups.$inferSelect;

export interface GroupUnitView {
  unitId: string;
  name: string;
  lead: boolean;
}

export interface GroupView extends GroupRow {
  units: GroupUnitView[];
}

export async function insertGroup(db: DbOrTx, values: { bodyId: string; kind: GroupKind; name: string; duties: string[]; position: number }): Promise<GroupRow> {
  const [row] = await db.insert(groups).values({ id: randomUUID(), ...values }).returning();
  if (!row) throw new Error('insert into groups returned no row');
  return row;
}

export async function updateGroup(db: DbOrTx, id: string, patch: { kind?: GroupKind; duties?: string[]; position?: number }): Promise<void> {
  await db.update(groups).set(patch).where(eq(groups.id, id));
}

export async function deleteGroup(db: DbOrTx, id: string): Promise<void> {
  await db.delete(groups).where(eq(groups.id, id));
}

/** Replaces a group's units. */
export async function setGroupUnits(db: DbOrTx, groupId: string, members: readonly { unitId: string; lead: boolean }[]): Promise<void> {
  await db.delete(groupUnits).where(eq(groupUnits.groupId, groupId));
  const unique = new Map(members.map((m) => [`${m.unitId}|${m.lead}`, m]));
  if (unique.size === 0) return;
  await db.insert(groupUnits).values([...unique.values()].map((m) => ({ groupId, unitId: m.unitId, lead: m.lead })));
}

export async function listGroupRows(db: DbOrTx, bodyId: string): Promise<GroupRow[]> {
  return db.select().from(groups).where(eq(groups.bodyId, bodyId)).orderBy(asc(groups.position), asc(groups.name));
}

/** A body's groups with their units, lead units first. */
export async function listGroupsOfBody(db: DbOrTx, bodyId: string): Promise<GroupView[]> {
  const rows = await listGroupRows(db, bodyId);
  return attachUnits(db, rows);
}

export async function findGroupById(db: DbOrTx, id: string): Promise<GroupView | null> {
  const [row] = await db.select().from(groups).where(eq(groups.id, id)).limit(1);
  if (!row) return null;
  const [view] = await attachUnits(db, [row]);
  return view ?? null;
}

async function attachUnits(db: DbOrTx, rows: GroupRow[]): Promise<GroupView[]> {
  if (rows.length === 0) return [];
  const links = await db
    .select({ groupId: groupUnits.groupId, unitId: groupUnits.unitId, lead: groupUnits.lead, name: units.name })
    .from(groupUnits)
    .innerJoin(units, eq(units.id, groupUnits.unitId))
    .where(
      inArray(
        groupUnits.groupId,
        rows.map((r) => r.id),
      ),
    );
  return rows.map((row) => ({
    ...row,
    units: links
      .filter((l) => l.groupId === row.id)
      .map((l) => ({ unitId: l.unitId, name: l.name, lead: l.lead }))
      .sort((a, b) => Number(b.lead) - Number(a.lead) || a.name.localeCompare(b.name, 'zh')),
  }));
}

/** Groups (of any body) a unit belongs to. */
export async function listGroupLinksOfUnit(db: DbOrTx, unitId: string): Promise<{ groupId: string; bodyId: string; name: string; kind: GroupKind; lead: boolean }[]> {
  return db
    .select({ groupId: groups.id, bodyId: groups.bodyId, name: groups.name, kind: groups.kind, lead: groupUnits.lead })
    .from(groupUnits)
    .innerJoin(groups, eq(groups.id, groupUnits.groupId))
    .where(eq(groupUnits.unitId, unitId))
    .orderBy(asc(groups.bodyId), asc(groups.position));
}
