/** SQL of the calendar subscription feed tokens (calendar_feed_tokens). */
import { and, eq, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { calendarFeedTokens } from '../db/schema/documents.ts';
import type { CalendarFeedTokenRow } from '../db/schema/documents.ts';

export async function insertFeedToken(db: DbOrTx, values: typeof calendarFeedTokens.$inferInsert): Promise<CalendarFeedTokenRow> {
  const rows = await db.insert(calendarFeedTokens).values(values).returning();
  const row = rows[0];
  if (row === undefined) throw new Error('insert into calendar_feed_tokens returned no row');
  return row;
}

/** Revokes the account's live token; returns the revoked row, or null when it had none. */
export async function revokeLiveFeedToken(db: DbOrTx, accountId: string, at: Date): Promise<CalendarFeedTokenRow | null> {
  const rows = await db
    .update(calendarFeedTokens)
    .set({ revokedAt: at })
    .where(and(eq(calendarFeedTokens.accountId, accountId), isNull(calendarFeedTokens.revokedAt)))
    .returning();
  return rows[0] ?? null;
}

export async function findLiveFeedToken(db: DbOrTx, accountId: string): Promise<CalendarFeedTokenRow | null> {
  const rows = await db
    .select()
    .from(calendarFeedTokens)
    .where(and(eq(calendarFeedTokens.accountId, accountId), isNull(calendarFeedTokens.revokedAt)));
  return rows[0] ?? null;
}

export async function findLiveFeedTokenByHash(db: DbOrTx, tokenHash: string): Promise<CalendarFeedTokenRow | null> {
  const rows = await db
    .select()
    .from(calendarFeedTokens)
    .where(and(eq(calendarFeedTokens.tokenHash, tokenHash), isNull(calendarFeedTokens.revokedAt)));
  return rows[0] ?? null;
}

export async function touchFeedToken(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db.update(calendarFeedTokens).set({ lastUsedAt: at }).where(eq(calendarFeedTokens.id, id));
}
