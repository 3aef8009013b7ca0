/** SQL of the documents part: calendar subscription feed tokens, the feed's meetings, invitees' e-mail addresses. */
import { and, asc, eq, gt, inArray, isNull, lte, ne, or } from 'drizzle-orm';
import type { SQLWrapper } from 'drizzle-orm';
import { union } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../db/database.ts';
import { memberships } from '../db/schema/bodies.ts';
import { notificationAddresses } from '../db/schema/decisions.ts';
import { openField } from '../db/field-encryption.ts';
import { calendarFeedTokens } from '../db/schema/documents.ts';
import { meetingInvitees, meetings } from '../db/schema/meetings.ts';
import { accountBodyGrants, accounts } from '../db/schema/platform.ts';
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

/**
 * The meetings (not drafts) a person's calendar feed holds: those of every body where the account
 * has a direct grant or its person a membership holding on `day`, and those its person is invited to.
 */
export async function listFeedMeetingKeys(db: DbOrTx, accountId: string, day: string): Promise<{ id: string; bodyId: string }[]> {
  const account = await db.select({ personId: accounts.personId }).from(accounts).where(eq(accounts.id, accountId));
  const personId = account[0]?.personId ?? null;
  // Issue 16: one indexed read per source (body grants, memberships, invitations) joined by UNION,
  // not one OR over the meetings table (which no index can serve)
  const grantedBodies = db.select({ bodyId: accountBodyGrants.bodyId }).from(accountBodyGrants).where(eq(accountBodyGrants.accountId, accountId));
  const ofBodies = (bodyIds: SQLWrapper) =>
    db
      .select({ id: meetings.id, bodyId: meetings.bodyId, startsAt: meetings.startsAt })
      .from(meetings)
      .where(and(ne(meetings.status, 'draft'), inArray(meetings.bodyId, bodyIds)));
  if (personId === null) {
    const rows = await ofBodies(grantedBodies).orderBy(asc(meetings.startsAt), asc(meetings.id));
    return rows.map(({ id, bodyId }) => ({ id, bodyId }));
  }
  const memberBodies = db
    .select({ bodyId: memberships.bodyId })
    .from(memberships)
    .where(and(eq(memberships.personId, personId), lte(memberships.validFrom, day), or(isNull(memberships.validTo), gt(memberships.validTo, day))));
  const invited = db
    .select({ id: meetings.id, bodyId: meetings.bodyId, startsAt: meetings.startsAt })
    .from(meetingInvitees)
    .innerJoin(meetings, eq(meetings.id, meetingInvitees.meetingId))
    .where(and(eq(meetingInvitees.personId, personId), ne(meetings.status, 'draft')));
  const rows = await union(ofBodies(grantedBodies), ofBodies(memberBodies), invited);
  return rows
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ id, bodyId }) => ({ id, bodyId }));
}

/** E-mail addresses (notification_addresses) of the accounts linked to these people, by person. */
export async function findEmailsOfPeople(db: DbOrTx, personIds: readonly string[]): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .select({ personId: accounts.personId, email: notificationAddresses.email })
    .from(notificationAddresses)
    .innerJoin(accounts, eq(accounts.id, notificationAddresses.accountId))
    .where(inArray(accounts.personId, [...personIds]))
    .orderBy(asc(accounts.id));
  const found = new Map<string, string>();
  for (const row of rows) if (row.personId !== null && !found.has(row.personId)) found.set(row.personId, openField(row.email));
  return found;
}

/** The e-mail address of one account, or null. */
export async function findEmailOfAccount(db: DbOrTx, accountId: string): Promise<string | null> {
  const rows = await db.select({ email: notificationAddresses.email }).from(notificationAddresses).where(eq(notificationAddresses.accountId, accountId));
  const [row] = rows;
  return row === undefined ? null : openField(row.email);
}
