/** SQL for a body's groups (专题组 / 保障组 / 协调类别) and their lead and member units. */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { groupUnits, groups, units } from '../db/schema/bodies.ts';
import { groupCorrections } from '../db/schema/membership-changes.ts';
import type { GroupKind } from '../domain/charter/charter-types.ts';
import type { GroupLeader } from '../domain/directory/group-corrections.ts';

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

export async function updateGroup(
  db: DbOrTx,
  id: string,
  patch: { kind?: GroupKind; duties?: string[]; position?: number; leaders?: GroupLeader[] },
): Promise<void> {
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

export type GroupCorrectionRow = typeof groupCorrections.$inferSelect;

/** A body's group corrections (the office's edits), keyed by group key. */
export async function listGroupCorrections(db: DbOrTx, bodyId: string): Promise<GroupCorrectionRow[]> {
  return db.select().from(groupCorrections).where(eq(groupCorrections.bodyId, bodyId));
}

export async function findGroupCorrection(db: DbOrTx, bodyId: string, groupKey: string): Promise<GroupCorrectionRow | null> {
  const [row] = await db
    .select()
    .from(groupCorrections)
    .where(and(eq(groupCorrections.bodyId, bodyId), eq(groupCorrections.groupKey, groupKey)))
    .limit(1);
  return row ?? null;
}

/** Stores the office's correction of a group (one per body and group key). */
export async function upsertGroupCorrection(db: DbOrTx, values: Omit<GroupCorrectionRow, 'id'>): Promise<GroupCorrectionRow> {
  const { bodyId, groupKey, ...rest } = values;
  const [row] = await db
    .insert(groupCorrections)
    .values({ id: randomUUID(), ...values })
    .onConflictDoUpdate({ target: [groupCorrections.bodyId, groupCorrections.groupKey], set: rest })
    .returning();
  if (!row) throw new Error(`group correction of ${bodyId}/${groupKey} not stored`);
  return row;
}
