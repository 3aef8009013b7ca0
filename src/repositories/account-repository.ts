import { and, asc, desc, eq, gt, ilike, isNull, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { bodies } from '../db/schema/bodies.ts';
import { accountBodyGrants, accounts } from '../db/schema/platform.ts';
import { passwordHistory, recoveryCodes } from '../db/schema/security.ts';
import type { AccountBodyGrantRow, AccountRow } from '../db/schema/platform.ts';
import type { GrantableBodyRole } from '../domain/access/roles.ts';
export type { AccountRow };

export type NewAccount = typeof accounts.$inferInsert;
export type AccountPatch = Partial<Omit<NewAccount, 'id' | 'createdAt'>>;

export async function insertAccount(tx: DbOrTx, account: NewAccount): Promise<AccountRow> {
  const rows = await tx.insert(accounts).values(account).returning();
  const row = rows[0];
  if (row === undefined) throw new Error('insert into accounts returned no row');
  return row;
}

export async function findAccountById(db: DbOrTx, id: string, options: { forUpdate?: boolean } = {}): Promise<AccountRow | null> {
  const query = db.select().from(accounts).where(eq(accounts.id, id));
  const rows = options.forUpdate === true ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export async function findAccountByUsername(
  db: DbOrTx,
  username: string,
  options: { forUpdate?: boolean } = {},
): Promise<AccountRow | null> {
  const query = db.select().from(accounts).where(eq(accounts.username, username));
  const rows = options.forUpdate === true ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export async function updateAccount(tx: DbOrTx, id: string, patch: AccountPatch): Promise<AccountRow> {
  const rows = await tx.update(accounts).set(patch).where(eq(accounts.id, id)).returning();
  const row = rows[0];
  if (row === undefined) throw new Error(`account ${id} vanished during update`);
  return row;
}

export async function countAccounts(db: DbOrTx, search?: string): Promise<number> {
  const rows = await db
    .select({ count: sql<string>`count(*)` })
    .from(accounts)
    .where(search === undefined ? undefined : or(ilike(accounts.username, `%${search}%`), ilike(accounts.displayName, `%${search}%`)));
  return Number(rows[0]?.count ?? 0);
}

/** Accounts ordered by username, after a username cursor. */
export async function listAccounts(
  db: DbOrTx,
  options: { afterUsername?: string | undefined; limit: number; search?: string | undefined },
): Promise<AccountRow[]> {
  const conditions = [];
  if (options.afterUsername !== undefined) conditions.push(gt(accounts.username, options.afterUsername));
  if (options.search !== undefined) {
    const pattern = `%${options.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(ilike(accounts.username, pattern), ilike(accounts.displayName, pattern));
    if (match !== undefined) conditions.push(match);
  }
  return db
    .select()
    .from(accounts)
    .where(conditions.length === 0 ? undefined : and(...conditions))
    .orderBy(asc(accounts.username))
    .limit(options.limit);
}

/** A body grant with the name of its body. */
export type NamedBodyGrantRow = AccountBodyGrantRow & { bodyName: string };

export async function listBodyGrantsOfAccount(db: DbOrTx, accountId: string): Promise<NamedBodyGrantRow[]> {
  const rows = await db
    .select({ grant: accountBodyGrants, bodyName: bodies.name })
    .from(accountBodyGrants)
    .innerJoin(bodies, eq(bodies.id, accountBodyGrants.bodyId))
    .where(eq(accountBodyGrants.accountId, accountId))
    .orderBy(asc(bodies.name), asc(accountBodyGrants.bodyId), asc(accountBodyGrants.role));
  return rows.map((row) => ({ ...row.grant, bodyName: row.bodyName }));
}

export async function listBodyGrants(db: DbOrTx, accountId: string, bodyId: string): Promise<AccountBodyGrantRow[]> {
  return db
    .select()
    .from(accountBodyGrants)
    .where(and(eq(accountBodyGrants.accountId, accountId), eq(accountBodyGrants.bodyId, bodyId)));
}

export async function findBodyGrant(
  db: DbOrTx,
  accountId: string,
  bodyId: string,
  role: GrantableBodyRole,
): Promise<AccountBodyGrantRow | null> {
  const rows = await db
    .select()
    .from(accountBodyGrants)
    .where(
      and(eq(accountBodyGrants.accountId, accountId), eq(accountBodyGrants.bodyId, bodyId), eq(accountBodyGrants.role, role)),
    );
  return rows[0] ?? null;
}

export async function insertBodyGrant(tx: DbOrTx, grant: typeof accountBodyGrants.$inferInsert): Promise<AccountBodyGrantRow> {
  const rows = await tx.insert(accountBodyGrants).values(grant).returning();
  const row = rows[0];
  if (row === undefined) throw new Error('insert into account_body_grants returned no row');
  return row;
}

export async function deleteBodyGrant(tx: DbOrTx, id: string): Promise<void> {
  await tx.delete(accountBodyGrants).where(eq(accountBodyGrants.id, id));
}

/** Accounts linked to a person (三员分立: an administrator's person holds no body role). */
export async function listAccountsOfPerson(db: DbOrTx, personId: string): Promise<AccountRow[]> {
  return db.select().from(accounts).where(eq(accounts.personId, personId));
}

/** How many direct body grants an account holds. */
export async function countBodyGrantsOfAccount(db: DbOrTx, accountId: string): Promise<number> {
  const rows = await db.select({ count: sql<string>`count(*)` }).from(accountBodyGrants).where(eq(accountBodyGrants.accountId, accountId));
  return Number(rows[0]?.count ?? 0);
}

/** Whether the account holds one of the three administrator duties (one primary-key read). */
export async function isAdministratorAccount(db: DbOrTx, accountId: string): Promise<boolean> {
  const rows = await db
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), or(eq(accounts.isSystemAdmin, true), eq(accounts.isSecurityAdmin, true), eq(accounts.isAuditAdmin, true))));
  return rows.length > 0;
}

/** The account's earlier password hashes, newest first (at most `limit`). */
export async function listPasswordHistory(db: DbOrTx, accountId: string, limit: number): Promise<string[]> {
  if (limit <= 0) return [];
  const rows = await db
    .select({ passwordHash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.accountId, accountId))
    .orderBy(desc(passwordHistory.id))
    .limit(limit);
  return rows.map((row) => row.passwordHash);
}

/** Keeps a replaced password hash in the account's history. */
export async function insertPasswordHistory(tx: DbOrTx, entry: { accountId: string; passwordHash: string; replacedAt: Date }): Promise<void> {
  await tx.insert(passwordHistory).values(entry);
}

/** Adds recovery codes (keyed hashes). */
export async function insertRecoveryCodes(tx: DbOrTx, rows: { accountId: string; codeHash: string; createdAt: Date }[]): Promise<void> {
  if (rows.length > 0) await tx.insert(recoveryCodes).values(rows);
}

export async function deleteRecoveryCodes(tx: DbOrTx, accountId: string): Promise<void> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.accountId, accountId));
}

export async function findUnusedRecoveryCode(db: DbOrTx, accountId: string, codeHash: string): Promise<{ id: number } | null> {
  const rows = await db
    .select({ id: recoveryCodes.id })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.accountId, accountId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .for('update');
  return rows[0] ?? null;
}

export async function markRecoveryCodeUsed(tx: DbOrTx, id: number, at: Date): Promise<void> {
  await tx.update(recoveryCodes).set({ usedAt: at }).where(eq(recoveryCodes.id, id));
}
