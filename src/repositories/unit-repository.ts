/** SQL for the shared unit directory and for a body's member units over time (body_units). */
import { randomUUID } from 'node:crypto';
import { and, arrayOverlaps, asc, eq, gt, ilike, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { bodies, bodyUnits, units } from '../db/schema/bodies.ts';

export type UnitRow = typeof units.$inferSelect;
export type BodyUnitRow = typeof bodyUnits.$inferSelect;

function regionIs(regionCode: string | null): SQL {
  return regionCode === null ? isNull(units.regionCode) : eq(units.regionCode, regionCode);
}

/** Units of one region known by any of `keys`, as name key or alias key. */
export async function findUnitCandidates(db: DbOrTx, keys: readonly string[], regionCode: string | null): Promise<UnitRow[]> {
  if (keys.length === 0) return [];
  const byKey = or(inArray(units.normalizedKey, [...keys]), arrayOverlaps(units.aliasKeys, [...keys]));
  return db
    .select()
    .from(units)
    .where(and(regionIs(regionCode), byKey))
    .orderBy(asc(units.createdAt), asc(units.id));
}

export interface NewUnit {
  name: string;
  normalizedKey: string;
  regionCode: string | null;
  aliases: string[];
  aliasKeys: string[];
}

/**
 * Inserts a unit, or returns the one a concurrent writer inserted with the same key and region
 * (the unique constraint decides; nothing is duplicated).
 */
export async function insertUnit(db: DbOrTx, values: NewUnit): Promise<UnitRow> {
  const [row] = await db
    .insert(units)
    .values({ id: randomUUID(), ...values })
    .onConflictDoNothing({ target: [units.normalizedKey, units.regionCode] })
    .returning();
  if (row) return row;
  const [existing] = await db
    .select()
    .from(units)
    .where(and(eq(units.normalizedKey, values.normalizedKey), regionIs(values.regionCode)))
    .limit(1);
  if (!existing) throw new Error('unit insert conflicted but no unit was found');
  return existing;
}

/** A `text[]` literal of bound parameters (a JS array in a `sql` template would expand to a list). */
function textArray(values: readonly string[]): SQL {
  return sql`array[${sql.join(values.map((value) => sql`${value}`), sql`, `)}]::text[]`;
}

export async function addUnitAliases(db: DbOrTx, id: string, aliases: readonly string[], aliasKeys: readonly string[]): Promise<void> {
  if (aliases.length === 0) return;
  await db
    .update(units)
    .set({
      aliases: sql`${units.aliases} || ${textArray(aliases)}`,
      aliasKeys: sql`${units.aliasKeys} || ${textArray(aliasKeys)}`,
    })
    .where(eq(units.id, id));
}

export async function findUnitById(db: DbOrTx, id: string): Promise<UnitRow | null> {
  const [row] = await db.select().from(units).where(eq(units.id, id)).limit(1);
  return row ?? null;
}

export async function findUnitsByIds(db: DbOrTx, ids: readonly string[]): Promise<UnitRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(units).where(inArray(units.id, [...ids]));
}

export interface ListUnitsFilter {
  nameContains?: string;
  /** Exact region code; `null` for national units; undefined for all */
  regionCode?: string | null;
  /** Only units sitting in at least one of these bodies (visibility); undefined for all */
  bodyIds?: readonly string[];
  /** Key of the last unit of the previous page: `normalizedKey` then id */
  after?: { normalizedKey: string; id: string };
  limit: number;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Units ordered by normalised name. */
export async function listUnits(db: DbOrTx, filter: ListUnitsFilter): Promise<UnitRow[]> {
  const conditions: SQL[] = [];
  if (filter.nameContains) {
    const pattern = `%${escapeLike(filter.nameContains)}%`;
    const match = or(ilike(units.name, pattern), sql`exists (select 1 from unnest(${units.aliases}) a where a ilike ${pattern})`);
    if (match) conditions.push(match);
  }
  if (filter.regionCode !== undefined) conditions.push(regionIs(filter.regionCode));
  if (filter.bodyIds !== undefined) {
    if (filter.bodyIds.length === 0) return [];
    conditions.push(
      inArray(units.id, db.select({ id: bodyUnits.unitId }).from(bodyUnits).where(inArray(bodyUnits.bodyId, [...filter.bodyIds]))),
    );
  }
  if (filter.after) {
    const { normalizedKey, id } = filter.after;
    const later = or(gt(units.normalizedKey, normalizedKey), and(eq(units.normalizedKey, normalizedKey), gt(units.id, id)));
    if (later) conditions.push(later);
  }
  return db
    .select()
    .from(units)
    .where(conditions.length > 0 ? and(...conditions) : sql`true`)
    .orderBy(asc(units.normalizedKey), asc(units.id))
    .limit(filter.limit);
}

export interface NewBodyUnit {
  bodyId: string;
  unitId: string;
  lead: boolean;
  nameInCharter: string;
  position: number;
  validFrom: string;
  sourceCharterVersionId: string | null;
}

export async function insertBodyUnit(db: DbOrTx, values: NewBodyUnit): Promise<BodyUnitRow> {
  const [row] = await db.insert(bodyUnits).values({ id: randomUUID(), ...values }).returning();
  if (!row) throw new Error('insert into body_units returned no row');
  return row;
}

export async function updateBodyUnit(db: DbOrTx, id: string, patch: { lead?: boolean; nameInCharter?: string; position?: number; validTo?: string | null }): Promise<void> {
  await db.update(bodyUnits).set(patch).where(eq(bodyUnits.id, id));
}

/** A body's member units; with `at`, only those holding on that date. */
export async function listBodyUnits(db: DbOrTx, bodyId: string, at?: string): Promise<(BodyUnitRow & { unit: UnitRow })[]> {
  const conditions: SQL[] = [eq(bodyUnits.bodyId, bodyId)];
  if (at !== undefined) {
    conditions.push(lte(bodyUnits.validFrom, at));
    const open = or(isNull(bodyUnits.validTo), gt(bodyUnits.validTo, at));
    if (open) conditions.push(open);
  }
  const rows = await db
    .select({ bodyUnit: bodyUnits, unit: units })
    .from(bodyUnits)
    .innerJoin(units, eq(units.id, bodyUnits.unitId))
    .where(and(...conditions))
    .orderBy(asc(bodyUnits.position), asc(bodyUnits.validFrom), asc(bodyUnits.id));
  return rows.map((r) => ({ ...r.bodyUnit, unit: r.unit }));
}

/** Every body a unit has sat in, with the periods. */
export async function listBodiesOfUnit(
  db: DbOrTx,
  unitId: string,
): Promise<{ bodyUnit: BodyUnitRow; body: typeof bodies.$inferSelect }[]> {
  return db
    .select({ bodyUnit: bodyUnits, body: bodies })
    .from(bodyUnits)
    .innerJoin(bodies, eq(bodies.id, bodyUnits.bodyId))
    .where(eq(bodyUnits.unitId, unitId))
    .orderBy(asc(bodies.name), asc(bodyUnits.validFrom));
}

/** Removes a member-unit period that never held (ended on or before the day it started). */
export async function deleteBodyUnit(db: DbOrTx, id: string): Promise<void> {
  await db.delete(bodyUnits).where(eq(bodyUnits.id, id));
}
