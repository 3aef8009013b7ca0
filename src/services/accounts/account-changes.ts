/**
 * Changes to an account by the security administrator: unlock, disable (ending its sessions),
 * enable, reset the password, link a person. Each audited in its own transaction.
 */
import type { Clock } from '../../config/clock.ts';
import type { Database, DbOrTx } from '../../db/database.ts';
import type { AccountRow } from '../../db/schema/platform.ts';
import { AppError } from '../../errors/app-error.ts';
import { findAccountById, insertPasswordHistory, updateAccount } from '../../repositories/account-repository.ts';
import type { AccountPatch } from '../../repositories/account-repository.ts';
import { endSessionsOfAccount } from '../../repositories/session-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { generateOneTimePassword, hashPassword } from '../passwords.ts';
import { accountSnapshot } from './account-views.ts';
import { assertAdministratorWithoutBusinessRole, holdsAdministratorDuty } from './administrator-separation.ts';

/**
 * One audited change of an account in its own transaction: `change` returns the patch (null: nothing
 * to change, nothing audited).
 */
export async function changeAccount(
  db: Database,
  options: {
    clock: Clock;
    accountId: string;
    origin: AuditOrigin;
    action: string;
    change: (account: AccountRow, tx: DbOrTx, now: Date) => Promise<AccountPatch | null>;
  },
): Promise<AccountRow> {
  const now = options.origin.at ?? options.clock.now();
  return db.transaction(async (tx) => {
    const account = await findAccountById(tx, options.accountId, { forUpdate: true });
    if (account === null) {
      throw new AppError('account_not_found', '账号不存在', { details: { accountId: options.accountId } });
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

/** Refuses an administrator acting on their own account. */
export function refuseSelf(actorId: string | null, accountId: string, what: string): void {
  if (actorId !== null && actorId === accountId) {
    throw new AppError('self_administration_forbidden', `不能${what}本人账号`);
  }
}

/** Clears a lockout (security administrator). */
export async function unlockAccount(db: Database, options: { clock: Clock; accountId: string; origin: AuditOrigin }): Promise<AccountRow> {
  return changeAccount(db, {
    ...options,
    action: 'account.unlock',
    change: async (account) =>
      account.lockedUntil === null && account.failedSignIns === 0 ? null : { lockedUntil: null, failedSignIns: 0 },
  });
}

/** Disables an account and ends its sessions (security administrator). */
export async function disableAccount(db: Database, options: { clock: Clock; accountId: string; origin: AuditOrigin }): Promise<AccountRow> {
  refuseSelf(options.origin.actorId, options.accountId, '停用');
  return changeAccount(db, {
    ...options,
    action: 'account.disable',
    change: async (account, tx, now) => {
      if (account.disabled) return null;
      await endSessionsOfAccount(tx, account.id, now, 'account_disabled');
      return { disabled: true };
    },
  });
}

/** An account holding one of the three administrator duties. */
const isAdministrator = holdsAdministratorDuty;

/**
 * Enables a disabled account (security administrator). An administrator account re-enabled waits
 * for activation by its own duty (activateAdministrator).
 */
export async function enableAccount(db: Database, options: { clock: Clock; accountId: string; origin: AuditOrigin }): Promise<AccountRow> {
  return changeAccount(db, {
    ...options,
    action: 'account.enable',
    change: async (account) =>
      account.disabled ? { disabled: false, ...(isAdministrator(account) ? { activationPending: true } : {}) } : null,
  });
}

/**
 * Activates an administrator account waiting for it: only an administrator of the same duty (三员
 * separation: the security administrator cannot mint an audit administrator), never the account itself.
 */
export async function activateAdministrator(
  db: Database,
  options: { clock: Clock; accountId: string; origin: AuditOrigin; actorRoles: readonly string[] },
): Promise<AccountRow> {
  refuseSelf(options.origin.actorId, options.accountId, '激活');
  return changeAccount(db, {
    ...options,
    action: 'account.activate',
    change: async (account) => {
      if (!account.activationPending) {
        throw new AppError('account_not_pending', '该账号无需激活');
      }
      const duty = account.isSystemAdmin ? 'system_admin' : account.isSecurityAdmin ? 'security_admin' : 'audit_admin';
      if (!options.actorRoles.includes(duty)) {
        throw new AppError('activation_forbidden', '管理员账号须由同一职责的管理员激活（三员分立）', { details: { duty } });
      }
      return { activationPending: false };
    },
  });
}

/** Sets a new one-time password, forces a change and ends the account's sessions. */
export async function resetPassword(
  db: Database,
  options: { clock: Clock; accountId: string; origin: AuditOrigin },
): Promise<{ account: AccountRow; oneTimePassword: string }> {
  refuseSelf(options.origin.actorId, options.accountId, '重置');
  const target = await findAccountById(db, options.accountId);
  if (target !== null && isAdministrator(target)) {
    throw new AppError('admin_password_reset_forbidden', '不能为管理员账号设置密码：管理员的密码只能由本人修改');
  }
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const account = await changeAccount(db, {
    ...options,
    action: 'account.reset_password',
    change: async (current, tx, now) => {
      await endSessionsOfAccount(tx, current.id, now, 'revoked');
      await insertPasswordHistory(tx, { accountId: current.id, passwordHash: current.passwordHash, replacedAt: now });
      return { passwordHash, mustChangePassword: true, lockedUntil: null, failedSignIns: 0 };
    },
  });
  return { account, oneTimePassword };
}

/**
 * Links an account to a person of the bodies part (or unlinks with null). Never one's own account;
 * an administrator account never to a person who holds or held a body role (三员分立).
 */
export async function linkPerson(
  db: Database,
  options: { clock: Clock; accountId: string; personId: string | null; origin: AuditOrigin },
): Promise<AccountRow> {
  refuseSelf(options.origin.actorId, options.accountId, '关联人员到');
  return changeAccount(db, {
    ...options,
    action: 'account.link_person',
    change: async (account, tx) => {
      if (account.personId === options.personId) return null;
      await assertAdministratorWithoutBusinessRole(tx, { accountId: null, duties: account, personId: options.personId });
      return { personId: options.personId };
    },
  });
}
