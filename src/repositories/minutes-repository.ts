/** SQL for minutes (会议纪要): drafts, sign-off, issue numbers per body and year. */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, max, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { minutes } from '../db/schema/meetings.ts';
import type { MinutesRow } from '../db/schema/meetings.ts';

export type NewMinutes = Omit<typeof minutes.$inferInsert, 'id'>;

export async function insertMinutes(db: DbOrTx, values: NewMinutes): Promise<MinutesRow> {
  const [row] = await db.insert(minutes).values({ id: randomUUID(), ...values }).returning();
  if (!row) throw new Error('insert into minutes returned no row');
  return row;
}

export async function findMinutes(db: DbOrTx, id: string, options: { forUpdate?: boolean } = {}): Promise<MinutesRow | null> {
  const query = db.select().from(minutes).where(eq(minutes.id, id)).limit(1);
  const [row] = options.forUpdate === true ? await query.for('update') : await query;
  return row ?? null;
}

export async function updateMinutes(db: DbOrTx, id: string, patch: Partial<Omit<NewMinutes, 'meetingId' | 'bodyId'>>): Promise<MinutesRow> {
  const [row] = await db
    .update(minutes)
    .set({ ...patch, version: sql`${minutes.version} + 1` })
    .where(eq(minutes.id, id))
    .returning();
  if (!row) throw new Error(`minutes ${id} vanished`);
  return row;
}

/** Every minutes of a meeting: the original first, then its corrections. */
export async function listMinutesOfMeeting(db: DbOrTx, meetingId: string): Promise<MinutesRow[]> {
  return db.select().from(minutes).where(eq(minutes.meetingId, meetingId)).orderBy(asc(minutes.createdAt), asc(minutes.id));
}

/** A body's minutes, newest issue first (drafts last). */
export async function listMinutesOfBody(db: DbOrTx, bodyId: string): Promise<MinutesRow[]> {
  return db
    .select()
    .from(minutes)
    .where(eq(minutes.bodyId, bodyId))
    .orderBy(sql`${minutes.year} DESC NULLS LAST`, desc(minutes.number), desc(minutes.createdAt));
}

/**
 * Serialises issuing per body and year (transaction-scoped advisory lock), so that two issues
 * never compute the same number; the unique constraint is the backstop.
 */
export async function lockMinutesNumbering(tx: DbOrTx, bodyId: string, year: number): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`minutes:${bodyId}:${year}`}))`);
}

/** The next issue number (第N期) of the body's year. */
export async function nextMinutesNumber(tx: DbOrTx, bodyId: string, year: number): Promise<number> {
  const [row] = await tx
    .select({ last: max(minutes.number) })
    .from(minutes)
    .where(and(eq(minutes.bodyId, bodyId), eq(minutes.year, year)));
  return (row?.last ?? 0) + 1;
}
