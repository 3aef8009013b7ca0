import { and, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { accounts, sessions } from '../db/schema/platform.ts';
import type { AccountRow, SessionRow } from '../db/schema/platform.ts';

export type SessionEndReason = NonNullable<SessionRow['endReason']>;

export async function insertSession(tx: DbOrTx, session: typeof sessions.$inferInsert): Promise<SessionRow> {
  const rows = await tx.insert(sessions).values(session).returning();
  const row = rows[0];
  if (row === undefined) throw new Error('insert into sessions returned no row');
  return row;
}

/** The session of a token hash with its account (null when the account is gone), in one statement. */
export async function findSessionWithAccount(
  db: DbOrTx,
  tokenHash: string,
): Promise<{ session: SessionRow; account: AccountRow | null } | null> {
  const rows = await db
    .select({ session: sessions, account: accounts })
    .from(sessions)
    .leftJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(eq(sessions.tokenHash, tokenHash));
  return rows[0] ?? null;
}

export async function touchSession(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(and(eq(sessions.id, id), isNull(sessions.endedAt)));
}

/** Ends one open session; returns whether it was open. */
export async function endSession(db: DbOrTx, id: string, at: Date, reason: SessionEndReason): Promise<boolean> {
  const rows = await db
    .update(sessions)
    .set({ endedAt: at, endReason: reason })
    .where(and(eq(sessions.id, id), isNull(sessions.endedAt)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/** Ends every open session of an account (optionally except one); returns how many. */
export async function endSessionsOfAccount(
  db: DbOrTx,
  accountId: string,
  at: Date,
  reason: SessionEndReason,
  exceptSessionId?: string,
): Promise<number> {
  const rows = await db
    .update(sessions)
    .set({ endedAt: at, endReason: reason })
    .where(
      and(
        eq(sessions.accountId, accountId),
        isNull(sessions.endedAt),
        exceptSessionId === undefined ? undefined : ne(sessions.id, exceptSessionId),
      ),
    )
    .returning({ id: sessions.id });
  return rows.length;
}

/**
 * Ends the account's open sessions beyond `keep`, keeping `newestId` and then the newest others (a
 * concurrent-session limit, issue 17); returns the ids ended.
 */
export async function endSessionsBeyond(
  db: DbOrTx,
  options: { accountId: string; keep: number; newestId: string; at: Date; reason: SessionEndReason },
): Promise<string[]> {
  const { accountId, keep, newestId, at, reason } = options;
  const open = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.accountId, accountId), isNull(sessions.endedAt), ne(sessions.id, newestId)))
    .orderBy(desc(sessions.createdAt), desc(sessions.lastSeenAt));
  const beyond = open.slice(Math.max(0, keep - 1)).map((row) => row.id);
  if (beyond.length === 0) return [];
  await db.update(sessions).set({ endedAt: at, endReason: reason }).where(and(inArray(sessions.id, beyond), isNull(sessions.endedAt)));
  return beyond;
}
