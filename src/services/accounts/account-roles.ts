/**
 * Roles of an account: system roles kept separated (三员分立) and direct body roles, granted and
 * revoked by the security administrator.
 */
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../config/clock.ts';
import type { Database } from '../../db/database.ts';
import type { AccountBodyGrantRow } from '../../db/schema/platform.ts';
import { AppError } from '../../errors/app-error.ts';
import { SYSTEM_ROLE_LABELS } from '../../policy/roles.ts';
import type { GrantableBodyRole, SystemRole } from '../../policy/roles.ts';
import { deleteBodyGrant, findAccountById, findBodyGrant, insertBodyGrant } from '../../repositories/account-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { changeAccount, refuseSelf } from './account-changes.ts';
import { assertAdministratorWithoutBusinessRole, holdsAdministratorDuty } from './administrator-separation.ts';
import { SYSTEM_ROLE_COLUMNS, rolesOf } from './account-views.ts';

/** Throws unless the set of system roles keeps the administrators separated (三员分立). */
export function assertSeparationOfDuties(roles: readonly SystemRole[]): void {
  const distinct = [...new Set(roles)];
  if (distinct.length > 1) {
    throw new AppError(
      'separation_of_duties',
      `系统管理员、安全管理员、安全审计员须由不同账号担任，一个账号不能同时担任${distinct.map((r) => SYSTEM_ROLE_LABELS[r]).join('和')}`,
      { field: 'role', details: { roles: distinct } },
    );
  }
}

/** A system role, or a direct role in one body. */
export type RoleChange =
  | { kind: 'system'; role: SystemRole }
  | { kind: 'body'; bodyId: string; role: GrantableBodyRole };

/** Grants a system role or a direct body role (security administrator). Idempotent. */
export async function grantRole(db: Database, options: { clock: Clock; accountId: string; change: RoleChange; origin: AuditOrigin }): Promise<void> {
  const { clock, change, origin } = options;
  refuseSelf(origin.actorId, options.accountId, '为');
  if (change.kind === 'system') {
    await changeAccount(db, {
      clock,
      accountId: options.accountId,
      origin,
      action: 'account.grant_role',
      change: async (account, tx) => {
        const current = rolesOf(account);
        if (current.includes(change.role)) return null;
        assertSeparationOfDuties([...current, change.role]);
        await assertAdministratorWithoutBusinessRole(tx, {
          accountId: account.id,
          duties: { ...account, [SYSTEM_ROLE_COLUMNS[change.role]]: true },
          personId: account.personId,
        });
        // Granted by an administrator (not the console): the new duty waits for its own activation (issue 19).
        return { [SYSTEM_ROLE_COLUMNS[change.role]]: true, ...(origin.actorId !== null ? { activationPending: true } : {}) };
      },
    });
    return;
  }
  const now = origin.at ?? clock.now();
  await db.transaction(async (tx) => {
    const account = await findAccountById(tx, options.accountId, { forUpdate: true });
    if (account === null) throw new AppError('account_not_found', '账号不存在');
    if ((await findBodyGrant(tx, account.id, change.bodyId, change.role)) !== null) return;
    if (holdsAdministratorDuty(account)) {
      throw new AppError('administrator_business_role', '管理员账号不能担任机构内的业务角色（三员分立）', { field: 'role', details: { accountId: account.id } });
    }
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
        throw new AppError('body_not_found', '议事协调机构不存在', { field: 'bodyId' });
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
export async function revokeRole(db: Database, options: { clock: Clock; accountId: string; change: RoleChange; origin: AuditOrigin }): Promise<void> {
  const { clock, change, origin } = options;
  refuseSelf(origin.actorId, options.accountId, '撤销');
  if (change.kind === 'system') {
    await changeAccount(db, {
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
    if (account === null) throw new AppError('account_not_found', '账号不存在');
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

/** Whether the error (or one it wraps) is PostgreSQL's foreign-key violation 23503. */
function isForeignKeyViolation(error: unknown): boolean {
  for (let e: unknown = error; e instanceof Error || (typeof e === 'object' && e !== null); ) {
    if ((e as { code?: unknown }).code === '23503') return true;
    e = (e as { cause?: unknown }).cause;
    if (e === undefined) break;
  }
  return false;
}
