/**
 * Accounts and their roles, managed by the security administrator; the three administrators
 * created on first start. Every change is audited in its own transaction.
 */
import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../config/config.ts';
import type { Clock } from '../config/clock.ts';
import type { Database, DbOrTx } from '../db/database.ts';
import type { AccountBodyGrantRow, AccountRow } from '../db/schema/platform.ts';
import { AppError } from '../errors/app-error.ts';
import type { Actor } from '../policy/actor.ts';
import { SYSTEM_ROLE_LABELS } from '../policy/roles.ts';
import type { GrantableBodyRole, SystemRole } from '../policy/roles.ts';
import {
  countAccounts,
  deleteBodyGrant,
  findAccountById,
  findAccountByUsername,
  findBodyGrant,
  insertAccount,
  insertBodyGrant,
  listAccounts as listAccountRows,
  listBodyGrantsOfAccount,
  updateAccount,
} from '../repositories/account-repository.ts';
import type { AccountPatch, NamedBodyGrantRow } from '../repositories/account-repository.ts';
import { endSessionsOfAccount } from '../repositories/session-repository.ts';
import { claimSetting } from '../repositories/settings-repository.ts';
import { recordAudit } from './audit-service.ts';
import type { AuditOrigin } from './audit-service.ts';
import { assertPasswordAcceptable, generateOneTimePassword, hashPassword } from './passwords.ts';
import { getSecuritySettings } from './settings-service.ts';

const SYSTEM_ROLE_COLUMNS: Record<SystemRole, 'isSystemAdmin' | 'isSecurityAdmin' | 'isAuditAdmin'> = {
  system_admin: 'isSystemAdmin',
  security_admin: 'isSecurityAdmin',
  audit_admin: 'isAuditAdmin',
};

function rolesOf(account: AccountRow): SystemRole[] {
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
  lastSignInAt: string | null;
  createdAt: string;
}

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
    lastSignInAt: account.lastSignInAt?.toISOString() ?? null,
    createdAt: account.createdAt.toISOString(),
  };
}

/** Loads an account with its grants, as the API shows it. */
export async function getAccountView(db: DbOrTx, id: string, now: Date): Promise<AccountView> {
  const account = await findAccountById(db, id);
  if (account === null) throw new AppError('account_not_found', 404, '账号不存在', { details: { accountId: id } });
  return accountView(account, await listBodyGrantsOfAccount(db, id), now);
}

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

/** Throws unless the set of system roles keeps the administrators separated (三员分立). */
export function assertSeparationOfDuties(roles: readonly SystemRole[]): void {
  const distinct = [...new Set(roles)];
  if (distinct.length > 1) {
    throw new AppError(
      'separation_of_duties',
      409,
      `系统管理员、安全管理员、安全审计员须由不同账号担任，一个账号不能同时担任${distinct.map((r) => SYSTEM_ROLE_LABELS[r]).join('和')}`,
      { field: 'role', details: { roles: distinct } },
    );
  }
}

const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,62}$/;

export interface CreatedAccount {
  account: AccountRow;
  /** The one-time password when the system generated it (shown once), else null. */
  oneTimePassword: string | null;
}

/**
 * Creates an account (security administrator, CLI, bootstrap). Without a password the system
 * generates a one-time password. The account must change its password at first sign-in.
 */
export async function createAccount(options: {
  db: DbOrTx;
  config: AppConfig;
  clock: Clock;
  username: string;
  displayName: string;
  password?: string | undefined;
  systemRoles?: readonly SystemRole[];
  personId?: string | null;
  origin: AuditOrigin;
}): Promise<CreatedAccount> {
  const { db, config, clock, origin } = options;
  const username = options.username.trim().toLowerCase();
  if (!USERNAME_PATTERN.test(username)) {
    throw new AppError('invalid_username', 400, '用户名须为 2–63 位小写字母、数字、点、下划线或连字符，并以字母或数字开头', {
      field: 'username',
    });
  }
  const displayName = options.displayName.trim();
  if (displayName === '') throw new AppError('invalid_display_name', 400, '姓名不能为空', { field: 'displayName' });
  const roles = options.systemRoles ?? [];
  assertSeparationOfDuties(roles);
  const settings = await getSecuritySettings(db, config);
  const oneTimePassword = options.password === undefined ? generateOneTimePassword() : null;
  const password = options.password ?? (oneTimePassword as string);
  assertPasswordAcceptable(password, settings.passwordPolicy, { username, field: 'password' });
  const passwordHash = await hashPassword(password);
  const now = origin.at ?? clock.now();
  const create = async (tx: DbOrTx): Promise<AccountRow> => {
    if ((await findAccountByUsername(tx, username)) !== null) {
      throw new AppError('username_taken', 409, `用户名 ${username} 已被使用`, { field: 'username' });
    }
    const account = await insertAccount(tx, {
      id: randomUUID(),
      username,
      displayName,
      passwordHash,
      mustChangePassword: true,
      isSystemAdmin: roles.includes('system_admin'),
      isSecurityAdmin: roles.includes('security_admin'),
      isAuditAdmin: roles.includes('audit_admin'),
      personId: options.personId ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(tx, {
      ...origin,
      at: now,
      action: 'account.create',
      entityType: 'account',
      entityId: account.id,
      before: null,
      after: accountSnapshot(account),
    });
    return account;
  };
  const account = await db.transaction((tx) => create(tx));
  return { account, oneTimePassword };
}

async function changeAccount(options: {
  db: Database;
  clock: Clock;
  accountId: string;
  origin: AuditOrigin;
  action: string;
  change: (account: AccountRow, tx: DbOrTx, now: Date) => Promise<AccountPatch | null>;
}): Promise<AccountRow> {
  const now = options.origin.at ?? options.clock.now();
  return options.db.transaction(async (tx) => {
    const account = await findAccountById(tx, options.accountId, { forUpdate: true });
    if (account === null) {
      throw new AppError('account_not_found', 404, '账号不存在', { details: { accountId: options.accountId } });
    }
    const patch = await options.change(account, tx, now);
    if (patch === null) return account;
    const updated = await updateAccount(tx, account.id, { ...patch, updatedAt: now });
    await recordAudit(tx, {
      ...options.origin,
      at: now,
      action: options.action,
      entityType: 'account',
      entityId: account.id,
      before: accountSnapshot(account),
      after: accountSnapshot(updated),
    });
    return updated;
  });
}

function refuseSelf(actorId: string | null, accountId: string, what: string): void {
  if (actorId !== null && actorId === accountId) {
    throw new AppError('self_administration_forbidden', 403, `不能${what}本人账号`);
  }
}

export type RoleChange =
  | { kind: 'system'; role: SystemRole }
  | { kind: 'body'; bodyId: string; role: GrantableBodyRole };

/** Grants a system role or a direct body role (security administrator). Idempotent. */
export async function grantRole(options: {
  db: Database;
  clock: Clock;
  accountId: string;
  change: RoleChange;
  origin: AuditOrigin;
}): Promise<void> {
  const { db, clock, change, origin } = options;
  refuseSelf(origin.actorId, options.accountId, '为');
  if (change.kind === 'system') {
    await changeAccount({
      db,
      clock,
      accountId: options.accountId,
      origin,
      action: 'account.grant_role',
      change: async (account) => {
        const current = rolesOf(account);
        if (current.includes(change.role)) return null;
        assertSeparationOfDuties([...current, change.role]);
        return { [SYSTEM_ROLE_COLUMNS[change.role]]: true };
      },
    });
    return;
  }
  const now = origin.at ?? clock.now();
  await db.transaction(async (tx) => {
    const account = await findAccountById(tx, options.accountId, { forUpdate: true });
    if (account === null) throw new AppError('account_not_found', 404, '账号不存在');
    if ((await findBodyGrant(tx, account.id, change.bodyId, change.role)) !== null) return;
    let grant: AccountBodyGrantRow;
    try {
      grant = await tx.transaction((inner) =>
        insertBodyGrant(inner, {
          id: randomUUID(),
          accountId: account.id,
          bodyId: change.bodyId,
          role: change.role,
          grantedBy: origin.actorId,
          grantedAt: now,
        }),
      );
    } catch (error) {
      if (isForeignKeyViolation(error)) {
        throw new AppError('body_not_found', 404, '议事协调机构不存在', { field: 'bodyId' });
      }
      throw error;
    }
    await recordAudit(tx, {
      ...origin,
      at: now,
      action: 'account.grant_body_role',
      entityType: 'account',
      entityId: account.id,
      before: null,
      after: { grantId: grant.id, bodyId: grant.bodyId, role: grant.role },
    });
  });
}

/** Revokes a system role or a direct body role (security administrator). */
export async function revokeRole(options: {
  db: Database;
  clock: Clock;
  accountId: string;
  change: RoleChange;
  origin: AuditOrigin;
}): Promise<void> {
  const { db, clock, change, origin } = options;
  refuseSelf(origin.actorId, options.accountId, '撤销');
  if (change.kind === 'system') {
    await changeAccount({
      db,
      clock,
      accountId: options.accountId,
      origin,
      action: 'account.revoke_role',
      change: async (account) =>
        account[SYSTEM_ROLE_COLUMNS[change.role]] ? { [SYSTEM_ROLE_COLUMNS[change.role]]: false } : null,
    });
    return;
  }
  const now = origin.at ?? clock.now();
  await db.transaction(async (tx) => {
    const account = await findAccountById(tx, options.accountId, { forUpdate: true });
    if (account === null) throw new AppError('account_not_found', 404, '账号不存在');
    const grant = await findBodyGrant(tx, account.id, change.bodyId, change.role);
    if (grant === null) return;
    await deleteBodyGrant(tx, grant.id);
    await recordAudit(tx, {
      ...origin,
      at: now,
      action: 'account.revoke_body_role',
      entityType: 'account',
      entityId: account.id,
      before: { grantId: grant.id, bodyId: grant.bodyId, role: grant.role },
      after: null,
    });
  });
}

function isForeignKeyViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error || (typeof e === 'object' && e !== null); ) {
    if ((e as { code?: unknown }).code === '23503') return true;
    e = (e as { cause?: unknown }).cause;
    if (e === undefined) break;
  }
  return false;
}

/** Clears a lockout (security administrator). */
export async function unlockAccount(options: { db: Database; clock: Clock; accountId: string; origin: AuditOrigin }): Promise<AccountRow> {
  return changeAccount({
    ...options,
    action: 'account.unlock',
    change: async (account) =>
      account.lockedUntil === null && account.failedSignIns === 0 ? null : { lockedUntil: null, failedSignIns: 0 },
  });
}

/** Disables an account and ends its sessions (security administrator). */
export async function disableAccount(options: { db: Database; clock: Clock; accountId: string; origin: AuditOrigin }): Promise<AccountRow> {
  refuseSelf(options.origin.actorId, options.accountId, '停用');
  return changeAccount({
    ...options,
    action: 'account.disable',
    change: async (account, tx, now) => {
      if (account.disabled) return null;
      await endSessionsOfAccount(tx, account.id, now, 'account_disabled');
      return { disabled: true };
    },
  });
}

export async function enableAccount(options: { db: Database; clock: Clock; accountId: string; origin: AuditOrigin }): Promise<AccountRow> {
  return changeAccount({
    ...options,
    action: 'account.enable',
    change: async (account) => (account.disabled ? { disabled: false } : null),
  });
}

/** Sets a new one-time password, forces a change and ends the account's sessions. */
export async function resetPassword(options: {
  db: Database;
  clock: Clock;
  accountId: string;
  origin: AuditOrigin;
}): Promise<{ account: AccountRow; oneTimePassword: string }> {
  refuseSelf(options.origin.actorId, options.accountId, '重置');
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const account = await changeAccount({
    ...options,
    action: 'account.reset_password',
    change: async (current, tx, now) => {
      await endSessionsOfAccount(tx, current.id, now, 'revoked');
      return { passwordHash, mustChangePassword: true, lockedUntil: null, failedSignIns: 0 };
    },
  });
  return { account, oneTimePassword };
}

/** Links an account to a person of the bodies part (or unlinks with null). */
export async function linkPerson(options: {
  db: Database;
  clock: Clock;
  accountId: string;
  personId: string | null;
  origin: AuditOrigin;
}): Promise<AccountRow> {
  return changeAccount({
    ...options,
    action: 'account.link_person',
    change: async (account) => (account.personId === options.personId ? null : { personId: options.personId }),
  });
}

export const BOOTSTRAP_ADMINISTRATORS = [
  { username: 'sysadmin', displayName: '系统管理员', role: 'system_admin' },
  { username: 'secadmin', displayName: '安全管理员', role: 'security_admin' },
  { username: 'auditadmin', displayName: '安全审计员', role: 'audit_admin' },
] as const satisfies readonly { username: string; displayName: string; role: SystemRole }[];

export interface BootstrapResult {
  created: { username: string; displayName: string; role: SystemRole; oneTimePassword: string }[];
}

/**
 * On first start creates the three administrators with one-time passwords (returned to be printed
 * once). A second start, or a second instance starting at the same time, creates nothing.
 */
export async function bootstrapAdministrators(options: { db: Database; config: AppConfig; clock: Clock }): Promise<BootstrapResult> {
  const { db, config, clock } = options;
  const now = clock.now();
  return db.transaction(async (tx) => {
    if (!(await claimSetting(tx, 'platform.bootstrapped', { at: now.toISOString() }, now))) return { created: [] };
    const created: BootstrapResult['created'] = [];
    for (const admin of BOOTSTRAP_ADMINISTRATORS) {
      const { oneTimePassword } = await createAccount({
        db: tx,
        config,
        clock,
        username: admin.username,
        displayName: admin.displayName,
        systemRoles: [admin.role],
        origin: { actorId: null, requestId: null, clientAddress: 'bootstrap', at: now },
      });
      created.push({ ...admin, oneTimePassword: oneTimePassword as string });
    }
    return { created };
  });
}

/** The signed-in actor's own account view (for `me`). */
export async function getOwnAccount(db: DbOrTx, actor: Actor, now: Date): Promise<AccountView> {
  return getAccountView(db, actor.accountId, now);
}

/** Finds an account by username (CLI); 404 when absent. */
export async function getAccountByUsername(db: DbOrTx, username: string): Promise<AccountRow> {
  const account = await findAccountByUsername(db, username.trim().toLowerCase());
  if (account === null) {
    throw new AppError('account_not_found', 404, `账号 ${username} 不存在`, { field: 'username' });
  }
  return account;
}
