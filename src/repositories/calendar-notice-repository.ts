/** SQL for the loaded holiday notices (calendar_notices). */
import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { calendarNotices } from '../db/schema/calendar.ts';
import type { CalendarNoticeRow, NewCalendarNotice } from '../db/schema/calendar.ts';

/** Every notice in force (not superseded), oldest year first. */
export async function listCurrentCalendarNotices(db: DbOrTx): Promise<CalendarNoticeRow[]> {
  return db
    .select()
    .from(calendarNotices)
    .where(isNull(calendarNotices.supersededAt))
    .orderBy(asc(calendarNotices.year), asc(calendarNotices.scope));
}

/** All notices, superseded ones included, optionally of one scope and/or year; newest load first. */
export async function listCalendarNoticeHistory(db: DbOrTx, filter: { scope?: string; year?: number }): Promise<CalendarNoticeRow[]> {
  const conditions = [];
  if (filter.scope !== undefined) conditions.push(eq(calendarNotices.scope, filter.scope));
  if (filter.year !== undefined) conditions.push(eq(calendarNotices.year, filter.year));
  return db
    .select()
    .from(calendarNotices)
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(calendarNotices.year), asc(calendarNotices.scope), desc(calendarNotices.loadedAt), desc(calendarNotices.id));
}

/** The notice in force for a scope and year, if any. */
export async function findCurrentCalendarNotice(db: DbOrTx, scope: string, year: number): Promise<CalendarNoticeRow | null> {
  const rows = await db
    .select()
    .from(calendarNotices)
    .where(and(eq(calendarNotices.scope, scope), eq(calendarNotices.year, year), isNull(calendarNotices.supersededAt)));
  return rows[0] ?? null;
}

/** Serialises appliers of one scope and year until the end of the transaction. */
export async function lockCalendarNoticeScope(tx: DbOrTx, scope: string, year: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`calendar_notice:${scope}:${year}`}))`);
}

export async function insertCalendarNotice(tx: DbOrTx, values: Omit<NewCalendarNotice, 'id'>): Promise<CalendarNoticeRow> {
  const [row] = await tx.insert(calendarNotices).values({ id: randomUUID(), ...values }).returning();
  if (!row) throw new Error('insert into calendar_notices returned no row');
  return row;
}

/** Marks a notice as superseded by another. */
export async function supersedeCalendarNotice(tx: DbOrTx, id: string, by: { supersededBy: string | null; supersededAt: Date }): Promise<void> {
  await tx.update(calendarNotices).set({ supersededAt: by.supersededAt, supersededBy: by.supersededBy }).where(eq(calendarNotices.id, id));
}
