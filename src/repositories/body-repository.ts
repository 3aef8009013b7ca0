/** SQL for bodies (the unit of tenancy). */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, ilike, inArray, isNull, like, lt, lte, ne, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { bodies, bodyUnits, memberships } from '../db/schema/bodies.ts';
import { decisions } from '../db/schema/decisions.ts';
import { meetings } from '../db/schema/meetings.ts';
import type { BodyStatus } from '../db/schema/bodies.ts';
import type { BodyKind, BodyLevel } from '../domain/charter/charter-types.ts';

export type BodyRow = typeof bodies.$inferSelect;
export type NewBody = Omit<typeof bodies.$inferInsert, 'id'>;

export async function insertBody(db: DbOrTx, values: NewBody): Promise<BodyRow> {
  const [row] = await db.insert(bodies).values({ id: randomUUID(), ...values }).returning();
  if (!row) throw new Error('insert into bodies returned no row');
  return row;
}

/** Updates a body; the caller passes `updatedAt` from its clock. */
export async function updateBody(db: DbOrTx, id: string, patch: Partial<NewBody> & { updatedAt: Date }): Promise<BodyRow | null> {
  const [row] = await db
    .update(bodies)
    .set(patch)
    .where(eq(bodies.id, id))
    .returning();
  return row ?? null;
}

export async function findBodyById(db: DbOrTx, id: string): Promise<BodyRow | null> {
  const [row] = await db.select().from(bodies).where(eq(bodies.id, id)).limit(1);
  return row ?? null;
}

export async function findBodiesByIds(db: DbOrTx, ids: readonly string[]): Promise<BodyRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(bodies).where(inArray(bodies.id, [...ids]));
}

/** Position in the newest-first listing: `(createdAt, id)` of the last row of the previous page. */
export interface BodyCursor {
  createdAt: Date;
  id: string;
}

export interface ListBodiesFilter {
  kind?: BodyKind;
  level?: BodyLevel;
  /** A region code: bodies of that region and of every region inside it */
  regionCode?: string;
  status?: BodyStatus;
  /** Part of the name */
  nameContains?: string;
  after?: BodyCursor;
  limit: number;
}

/** The code prefix every region inside `code` shares: 440000 → 44, 440100 → 4401, 440103 → 440103. */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Newest first, `limit` rows after the cursor. */
export async function listBodies(db: DbOrTx, filter: ListBodiesFilter): Promise<BodyRow[]> {
  const conditions: SQL[] = [];
  if (filter.kind) conditions.push(eq(bodies.kind, filter.kind));
  if (filter.level) conditions.push(eq(bodies.level, filter.level));
  if (filter.status) conditions.push(eq(bodies.status, filter.status));
  if (filter.regionCode) conditions.push(like(bodies.regionCode, `${escapeLike(regionPrefix(filter.regionCode))}%`));
  if (filter.nameContains) conditions.push(ilike(bodies.name, `%${escapeLike(filter.nameContains)}%`));
  if (filter.after) {
    const { createdAt, id } = filter.after;
    const older = or(lt(bodies.createdAt, createdAt), and(eq(bodies.createdAt, createdAt), lt(bodies.id, id)));
    if (older) conditions.push(older);
  }
  return db
    .select()
    .from(bodies)
    .where(conditions.length > 0 ? and(...conditions) : sql`true`)
    .orderBy(desc(bodies.createdAt), desc(bodies.id))
    .limit(filter.limit);
}


/** Number of member units each body has on `at` (bodies without any are absent from the map). */
export async function countMemberUnits(db: DbOrTx, bodyIds: readonly string[], at: string): Promise<Map<string, number>> {
  if (bodyIds.length === 0) return new Map();
  const rows = await db
    .select({ bodyId: bodyUnits.bodyId, count: sql<number>`count(*)::int` })
    .from(bodyUnits)
    .where(
      and(
        inArray(bodyUnits.bodyId, [...bodyIds]),
        lte(bodyUnits.validFrom, at),
        or(isNull(bodyUnits.validTo), gt(bodyUnits.validTo, at)),
      ),
    )
    .groupBy(bodyUnits.bodyId);
  return new Map(rows.map((row) => [row.bodyId, Number(row.count)]));
}

/** Active bodies whose sunset date lies before `today`. */
export async function listBodiesPastSunset(db: DbOrTx, today: string): Promise<BodyRow[]> {
  return db
    .select()
    .from(bodies)
    .where(and(eq(bodies.status, 'active'), lt(bodies.sunsetDate, today)))
    .orderBy(bodies.sunsetDate, bodies.id);
}

/**
 * Marks a body dissolved on `on` when it is still active (a second call changes nothing) and ends
 * every membership and member unit still open on that day. Returns the body as it was, or null when
 * it was not active.
 */
export async function markBodyDissolved(db: DbOrTx, id: string, on: string, at: Date): Promise<BodyRow | null> {
  const [before] = await db.select().from(bodies).where(and(eq(bodies.id, id), eq(bodies.status, 'active'))).for('update');
  if (!before) return null;
  await db.update(bodies).set({ status: 'dissolved', dissolvedOn: on, updatedAt: at }).where(eq(bodies.id, id));
  await db
    .update(memberships)
    .set({ validTo: on })
    .where(and(eq(memberships.bodyId, id), lt(memberships.validFrom, on), or(isNull(memberships.validTo), gt(memberships.validTo, on))));
  await db
    .update(bodyUnits)
    .set({ validTo: on })
    .where(and(eq(bodyUnits.bodyId, id), lt(bodyUnits.validFrom, on), or(isNull(bodyUnits.validTo), gt(bodyUnits.validTo, on))));
  return before;
}

/** A body's activity for the registry: its last held meeting and its open and overdue decided items. */
export interface BodyActivity {
  /** Start of the latest meeting that was held (any status from held on) */
  lastMeetingAt: Date | null;
  openDecisions: number;
  /** Open items whose deadline lies before `today` */
  overdueDecisions: number;
}

const HELD_STATUSES = ['held', 'minutes_drafted', 'minutes_signed_off', 'minutes_issued'] as const;

/** Activity of each body in `bodyIds` as of `today` (ISO date, Asia/Shanghai). */
export async function bodyActivity(db: DbOrTx, bodyIds: readonly string[], today: string): Promise<Map<string, BodyActivity>> {
  const result = new Map<string, BodyActivity>(bodyIds.map((id) => [id, { lastMeetingAt: null, openDecisions: 0, overdueDecisions: 0 }]));
  if (bodyIds.length === 0) return result;
  const held = await db
    .select({ bodyId: meetings.bodyId, last: sql<Date | string | null>`max(${meetings.startsAt})` })
    .from(meetings)
    .where(and(inArray(meetings.bodyId, [...bodyIds]), inArray(meetings.status, [...HELD_STATUSES])))
    .groupBy(meetings.bodyId);
  for (const row of held) {
    const entry = result.get(row.bodyId);
    if (entry && row.last !== null) entry.lastMeetingAt = new Date(row.last);
  }
  const open = await db
    .select({
      bodyId: decisions.bodyId,
      open: sql<number>`count(*)::int`,
      overdue: sql<number>`count(*) FILTER (WHERE ${decisions.deadline} < ${today})::int`,
    })
    .from(decisions)
    .where(and(inArray(decisions.bodyId, [...bodyIds]), ne(decisions.status, 'closed')))
    .groupBy(decisions.bodyId);
  for (const row of open) {
    const entry = result.get(row.bodyId);
    if (entry) {
      entry.openDecisions = Number(row.open);
      entry.overdueDecisions = Number(row.overdue);
    }
  }
  return result;
}
