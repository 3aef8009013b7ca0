/**
 * Accounts as the API shows them (never the password hash), and the audit snapshot of an account.
 */
import type { DbOrTx } from '../../db/database.ts';
import type { AccountRow } from '../../db/schema/platform.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Actor } from '../../policy/actor.ts';
import type { GrantableBodyRole, SystemRole } from '../../policy/roles.ts';
import {
  countAccounts,
  findAccountById,
  findAccountByUsername,
  listAccounts as listAccountRows,
  listBodyGrantsOfAccount,
} from '../../repositories/account-repository.ts';
import type { NamedBodyGrantRow } from '../../repositories/account-repository.ts';

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

export interface BodyGrantView {
  id: string;
  bodyId: string;
  bodyName: string;
  role: GrantableBodyRole;
  grantedAt: string;
}

/** The account as the API shows it. */
export interface AccountView {
  id: string;
  username: string;
  displayName: string;
  systemRoles: SystemRole[];
  bodyGrants: BodyGrantView[];
  personId: string | null;
  mustChangePassword: boolean;
  lockedUntil: string | null;
  disabled: boolean;
  secondFactorEnrolled: boolean;
  lastSignInAt: string | null;
  createdAt: string;
}

/** The API view of an account with its grants; a lockout shows only while it lasts at `now`. */
export function accountView(account: AccountRow, grants: NamedBodyGrantRow[], now: Date): AccountView {
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

/** Loads an account with its grants, as the API shows it. */
export async function getAccountView(db: DbOrTx, options: { accountId: string; now: Date }): Promise<AccountView> {
  const { accountId: id, now } = options;
  const account = await findAccountById(db, id);
  if (account === null) throw new AppError('account_not_found', '账号不存在', { details: { accountId: id } });
  return accountView(account, await listBodyGrantsOfAccount(db, id), now);
}

/** A page of accounts by username (after `afterUsername`), with the total matching `search`. */
export async function listAccountViews(
  db: DbOrTx,
  options: { afterUsername?: string | undefined; limit: number; search?: string | undefined; now: Date },
): Promise<{ items: AccountView[]; total: number; nextAfter: string | null }> {
  const rows = await listAccountRows(db, { ...options, limit: options.limit + 1 });
  const page = rows.slice(0, options.limit);
  const items: AccountView[] = [];
  for (const row of page) items.push(accountView(row, await listBodyGrantsOfAccount(db, row.id), options.now));
  const last = page[page.length - 1];
  return {
    items,
    total: await countAccounts(db, options.search),
    nextAfter: rows.length > options.limit && last !== undefined ? last.username : null,
  };
}

/** The signed-in actor's own account view (for `me`). */
export async function getOwnAccount(db: DbOrTx, options: { actor: Actor; now: Date }): Promise<AccountView> {
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
