/**
 * Accounts as the API shows them (never the password hash), and the audit snapshot of an account.
 */
import type { DbOrTx } from '../../db/database.ts';
import type { Account, AccountPerson } from '../../contracts/accounts.ts';
import type { AccountRow } from '../../db/schema/platform.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Actor } from '../../policy/actor.ts';
import type { SystemRole } from '../../policy/roles.ts';
import {
  countAccounts,
  findAccountById,
  findAccountByUsername,
  listAccounts as listAccountRows,
  listBodyGrantsOfAccount,
} from '../../repositories/account-repository.ts';
import type { NamedBodyGrantRow } from '../../repositories/account-repository.ts';
import { findBodiesByIds } from '../../repositories/body-repository.ts';
import { listMembershipsOfPerson } from '../../repositories/membership-repository.ts';
import { findPersonById } from '../../repositories/person-repository.ts';
import { shanghaiDateOf } from '../../domain/time/shanghai-date.ts';

/** The account column holding each system role. */
export const SYSTEM_ROLE_COLUMNS: Record<SystemRole, 'isSystemAdmin' | 'isSecurityAdmin' | 'isAuditAdmin'> = {
  system_admin: 'isSystemAdmin',
  security_admin: 'isSecurityAdmin',
  audit_admin: 'isAuditAdmin',
};

/** The system roles an account holds. */
export function rolesOf(account: AccountRow): SystemRole[] {
  return (Object.keys(SYSTEM_ROLE_COLUMNS) as SystemRole[]).filter((role) => account[SYSTEM_ROLE_COLUMNS[role]]);
}

/** What the audit trail records of an account: never the password hash. */
export function accountSnapshot(account: AccountRow): Record<string, unknown> {
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    systemRoles: rolesOf(account),
    personId: account.personId,
    mustChangePassword: account.mustChangePassword,
    failedSignIns: account.failedSignIns,
    lockedUntil: account.lockedUntil,
    disabled: account.disabled,
  };
}

/** The API view of an account with its grants; a lockout shows only while it lasts at `now`. */
export function accountView(account: AccountRow, grants: NamedBodyGrantRow[], now: Date, person: AccountPerson | null = null): Account {
  return {
    id: account.id,
    username: account.username,
    displayName: account.displayName,
    systemRoles: rolesOf(account),
    bodyGrants: grants.map((grant) => ({
      id: grant.id,
      bodyId: grant.bodyId,
      bodyName: grant.bodyName,
      role: grant.role,
      grantedAt: grant.grantedAt.toISOString(),
    })),
    personId: account.personId,
    person: person !== null && person.id === account.personId ? person : null,
    mustChangePassword: account.mustChangePassword,
    lockedUntil:
      account.lockedUntil !== null && account.lockedUntil.getTime() > now.getTime()
        ? account.lockedUntil.toISOString()
        : null,
    disabled: account.disabled,
    secondFactorEnrolled: account.totpEnabledAt !== null,
    lastSignInAt: account.lastSignInAt?.toISOString() ?? null,
    createdAt: account.createdAt.toISOString(),
  };
}

/** The linked person and the memberships it holds on `now`'s day in China (null: none linked). */
export async function accountPersonView(db: DbOrTx, personId: string | null, now: Date): Promise<AccountPerson | null> {
  if (personId === null) return null;
  const person = await findPersonById(db, personId);
  if (person === null) return null;
  const today = shanghaiDateOf(now);
  const holding = (await listMembershipsOfPerson(db, personId)).filter((m) => m.validFrom <= today && (m.validTo === null || m.validTo > today));
  const bodies = new Map((await findBodiesByIds(db, [...new Set(holding.map((m) => m.bodyId))])).map((b) => [b.id, b.name]));
  return {
    id: person.id,
    name: person.name,
    roles: holding.map((m) => ({
      membershipId: m.id,
      bodyId: m.bodyId,
      bodyName: bodies.get(m.bodyId) ?? '',
      roleKind: m.roleKind,
      title: m.title,
      unitId: m.unitId,
      unitName: m.unitName,
      validFrom: m.validFrom,
    })),
  };
}

/** Loads an account with its grants, as the API shows it. */
export async function getAccountView(db: DbOrTx, options: { accountId: string; now: Date }): Promise<Account> {
  const { accountId: id, now } = options;
  const account = await findAccountById(db, id);
  if (account === null) throw new AppError('account_not_found', '账号不存在', { details: { accountId: id } });
  return accountView(account, await listBodyGrantsOfAccount(db, id), now, await accountPersonView(db, account.personId, now));
}

/** A page of accounts by username (after `afterUsername`), with the total matching `search`. */
export async function listAccountViews(
  db: DbOrTx,
  options: { afterUsername?: string | undefined; limit: number; search?: string | undefined; now: Date },
): Promise<{ items: Account[]; total: number; nextAfter: string | null }> {
  const rows = await listAccountRows(db, { ...options, limit: options.limit + 1 });
  const page = rows.slice(0, options.limit);
  const items: Account[] = [];
  for (const row of page) {
    items.push(accountView(row, await listBodyGrantsOfAccount(db, row.id), options.now, await accountPersonView(db, row.personId, options.now)));
  }
  const last = page[page.length - 1];
  return {
    items,
    total: await countAccounts(db, options.search),
    nextAfter: rows.length > options.limit && last !== undefined ? last.username : null,
  };
}

/** The signed-in actor's own account view (for `me`). */
export async function getOwnAccount(db: DbOrTx, options: { actor: Actor; now: Date }): Promise<Account> {
  return getAccountView(db, { accountId: options.actor.accountId, now: options.now });
}

/** Finds an account by username (CLI); 404 when absent. */
export async function getAccountByUsername(db: DbOrTx, options: { username: string }): Promise<AccountRow> {
  const { username } = options;
  const account = await findAccountByUsername(db, username.trim().toLowerCase());
  if (account === null) {
    throw new AppError('account_not_found', `账号 ${username} 不存在`, { field: 'username' });
  }
  return account;
}
