/**
 * SQL for notifications: resolving recipients to accounts, the in-app inbox, e-mail addresses and
 * per-body notification settings (reminder lead time, webhook).
 */
import { randomUUID } from 'node:crypto';
import { and, desc, eq, gt, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { memberships } from '../db/schema/bodies.ts';
import { accountBodyGrants, accounts } from '../db/schema/platform.ts';
import { bodyNotificationSettings, inboxItems, notificationAddresses } from '../db/schema/decisions.ts';
import { openField, sealField } from '../db/field-encryption.ts';
import type { RoleKind } from '../domain/charter/charter-types.ts';

export type InboxItemRow = typeof inboxItems.$inferSelect;
export type BodyNotificationSettingsRow = typeof bodyNotificationSettings.$inferSelect;

function holdingOn(at: string): SQL[] {
  const open = or(isNull(memberships.validTo), gt(memberships.validTo, at));
  return open ? [lte(memberships.validFrom, at), open] : [lte(memberships.validFrom, at)];
}

/** Enabled accounts of the people holding these roles in the body on `at` (optionally for one unit). */
export async function accountsHoldingRoles(
  db: DbOrTx,
  options: { bodyId: string; roles: readonly RoleKind[]; unitId?: string; at: string },
): Promise<string[]> {
  if (options.roles.length === 0) return [];
  const conditions: SQL[] = [eq(memberships.bodyId, options.bodyId), inArray(memberships.roleKind, [...options.roles]), eq(accounts.disabled, false), ...holdingOn(options.at)];
  if (options.unitId !== undefined) conditions.push(eq(memberships.unitId, options.unitId));
  const rows = await db
    .selectDistinct({ id: accounts.id })
    .from(memberships)
    .innerJoin(accounts, eq(accounts.personId, memberships.personId))
    .where(and(...conditions));
  return rows.map((r) => r.id);
}

/** Enabled accounts with an office-staff grant for the body. */
export async function officeStaffAccounts(db: DbOrTx, bodyId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: accounts.id })
    .from(accountBodyGrants)
    .innerJoin(accounts, eq(accounts.id, accountBodyGrants.accountId))
    .where(and(eq(accountBodyGrants.bodyId, bodyId), eq(accountBodyGrants.role, 'office_staff'), eq(accounts.disabled, false)));
  return rows.map((r) => r.id);
}

/** Which of these accounts exist and are enabled. */
export async function enabledAccounts(db: DbOrTx, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.select({ id: accounts.id }).from(accounts).where(and(inArray(accounts.id, [...ids]), eq(accounts.disabled, false)));
  return rows.map((r) => r.id);
}

export async function emailAddressesOf(db: DbOrTx, accountIds: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (accountIds.length === 0) return found;
  const rows = await db.select().from(notificationAddresses).where(inArray(notificationAddresses.accountId, [...accountIds]));
  for (const row of rows) found.set(row.accountId, openField(row.email));
  return found;
}

export async function findNotificationAddress(db: DbOrTx, accountId: string): Promise<string | null> {
  const [row] = await db.select().from(notificationAddresses).where(eq(notificationAddresses.accountId, accountId)).limit(1);
  return row === undefined ? null : openField(row.email);
}

/** Stores the address SM4-encrypted (issue 17 point 8); null removes it. */
export async function setNotificationAddress(db: DbOrTx, accountId: string, email: string | null, at: Date): Promise<void> {
  if (email === null) {
    await db.delete(notificationAddresses).where(eq(notificationAddresses.accountId, accountId));
    return;
  }
  const sealed = sealField(email);
  await db
    .insert(notificationAddresses)
    .values({ accountId, email: sealed, updatedAt: at })
    .onConflictDoUpdate({ target: notificationAddresses.accountId, set: { email: sealed, updatedAt: at } });
}

/** Writes inbox items; an item of the same notification for the same account is written once. */
export async function insertInboxItems(
  db: DbOrTx,
  items: readonly { accountId: string; bodyId: string | null; event: string; title: string; message: string; link: string | null; notificationId: number | null; createdAt: Date }[],
): Promise<number> {
  if (items.length === 0) return 0;
  const rows = await db
    .insert(inboxItems)
    .values(items.map((item) => ({ id: randomUUID(), ...item })))
    .onConflictDoNothing()
    .returning({ id: inboxItems.id });
  return rows.length;
}

export async function listInboxItems(db: DbOrTx, accountId: string, options: { unreadOnly: boolean; limit: number }): Promise<InboxItemRow[]> {
  const conditions: SQL[] = [eq(inboxItems.accountId, accountId)];
  if (options.unreadOnly) conditions.push(isNull(inboxItems.readAt));
  return db.select().from(inboxItems).where(and(...conditions)).orderBy(desc(inboxItems.createdAt), desc(inboxItems.id)).limit(options.limit);
}

export async function countUnreadInboxItems(db: DbOrTx, accountId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(inboxItems)
    .where(and(eq(inboxItems.accountId, accountId), isNull(inboxItems.readAt)));
  return row?.n ?? 0;
}

/** Marks the account's items read (all unread ones when `ids` is null); returns how many changed. */
export async function markInboxItemsRead(db: DbOrTx, accountId: string, ids: readonly string[] | null, at: Date): Promise<number> {
  const conditions: SQL[] = [eq(inboxItems.accountId, accountId), isNull(inboxItems.readAt)];
  if (ids !== null) {
    if (ids.length === 0) return 0;
    conditions.push(inArray(inboxItems.id, [...ids]));
  }
  const rows = await db.update(inboxItems).set({ readAt: at }).where(and(...conditions)).returning({ id: inboxItems.id });
  return rows.length;
}

export async function findBodyNotificationSettings(db: DbOrTx, bodyId: string): Promise<BodyNotificationSettingsRow | null> {
  const [row] = await db.select().from(bodyNotificationSettings).where(eq(bodyNotificationSettings.bodyId, bodyId)).limit(1);
  return row ?? null;
}

export async function upsertBodyNotificationSettings(
  db: DbOrTx,
  values: { bodyId: string; reminderDaysBefore: number; webhookUrl: string | null; webhookSecret: string | null; webhookEnabled: boolean; updatedAt: Date; updatedBy: string | null },
): Promise<BodyNotificationSettingsRow> {
  const { bodyId: _key, ...rest } = values;
  const [row] = await db
    .insert(bodyNotificationSettings)
    .values(values)
    .onConflictDoUpdate({ target: bodyNotificationSettings.bodyId, set: rest })
    .returning();
  if (!row) throw new Error('upsert of body_notification_settings returned no row');
  return row;
}
