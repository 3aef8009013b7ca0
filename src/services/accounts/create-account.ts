/**
 * Creating accounts (security administrator, CLI) and the three administrators on first start.
 */
import { randomUUID } from 'node:crypto';
import type { AppConfig } from '../../config/config.ts';
import type { Clock } from '../../config/clock.ts';
import type { Database, DbOrTx } from '../../db/database.ts';
import type { AccountRow } from '../../db/schema/platform.ts';
import { assertAdministratorWithoutBusinessRole } from './administrator-separation.ts';
import { getPasswordRules } from './security-policy.ts';
import { AppError } from '../../errors/app-error.ts';
import type { SystemRole } from '../../policy/roles.ts';
import { findAccountByUsername, insertAccount } from '../../repositories/account-repository.ts';
import { claimSetting } from '../../repositories/settings-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { assertPasswordAcceptable, generateOneTimePassword, hashPassword } from '../passwords.ts';
import { accountSnapshot } from './account-views.ts';
import { assertSeparationOfDuties } from './account-roles.ts';

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
export async function createAccount(
  db: DbOrTx,
  options: {
    config: AppConfig;
    clock: Clock;
    username: string;
    displayName: string;
    password?: string | undefined;
    systemRoles?: readonly SystemRole[];
    personId?: string | null;
    origin: AuditOrigin;
    /**
     * An administrator account waits for activation by its duty (issue 19): set by the API; the
     * console bootstrap and test factories create ready accounts.
     */
    activationRequired?: boolean;
  },
): Promise<CreatedAccount> {
  const { config, clock, origin } = options;
  const username = options.username.trim().toLowerCase();
  if (!USERNAME_PATTERN.test(username)) {
    throw new AppError('invalid_username', '用户名须为 2–63 位小写字母、数字、点、下划线或连字符，并以字母或数字开头', {
      field: 'username',
    });
  }
  const displayName = options.displayName.trim();
  if (displayName === '') throw new AppError('invalid_display_name', '姓名不能为空', { field: 'displayName' });
  const roles = options.systemRoles ?? [];
  assertSeparationOfDuties(roles);
  const rules = await getPasswordRules(db, { config });
  const oneTimePassword = options.password === undefined ? generateOneTimePassword() : null;
  const password = options.password ?? (oneTimePassword as string);
  assertPasswordAcceptable(password, rules, { username, field: 'password' });
  const passwordHash = await hashPassword(password);
  const now = origin.at ?? clock.now();
  const create = async (tx: DbOrTx): Promise<AccountRow> => {
    if ((await findAccountByUsername(tx, username)) !== null) {
      throw new AppError('username_taken', `用户名 ${username} 已被使用`, { field: 'username' });
    }
    await assertAdministratorWithoutBusinessRole(tx, {
      accountId: null,
      duties: { isSystemAdmin: roles.includes('system_admin'), isSecurityAdmin: roles.includes('security_admin'), isAuditAdmin: roles.includes('audit_admin') },
      personId: options.personId ?? null,
    });
    const account = await insertAccount(tx, {
      id: randomUUID(),
      username,
      displayName,
      passwordHash,
      mustChangePassword: true,
      isSystemAdmin: roles.includes('system_admin'),
      isSecurityAdmin: roles.includes('security_admin'),
      isAuditAdmin: roles.includes('audit_admin'),
      activationPending: options.activationRequired === true && roles.length > 0,
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

/** The three administrators (三员) created on first start. */
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
export async function bootstrapAdministrators(db: Database, options: { config: AppConfig; clock: Clock }): Promise<BootstrapResult> {
  const { config, clock } = options;
  const now = clock.now();
  return db.transaction(async (tx) => {
    if (!(await claimSetting(tx, 'platform.bootstrapped', { at: now.toISOString() }, now))) return { created: [] };
    const created: BootstrapResult['created'] = [];
    for (const admin of BOOTSTRAP_ADMINISTRATORS) {
      const { oneTimePassword } = await createAccount(tx, {
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
