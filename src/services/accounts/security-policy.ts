/**
 * The security policy the security administrator sets (issue 17): the password rules (length and
 * classes, common and leaked passwords, predictable patterns, banned words, age and history), the
 * concurrent-session limits, and who must use a second factor. The configuration and the system
 * settings (length, classes) give the defaults; once the security administrator sets the policy
 * (stored under `platform.security_policy`, audited) it is the one in force.
 */
import type { AppConfig } from '../../config/config.ts';
import { securityPolicyDtoSchema as securityPolicySchema } from '../../contracts/security-policy.ts';
import type { SecurityPolicyDto } from '../../contracts/security-policy.ts';
import type { Database, DbOrTx } from '../../db/database.ts';
import { DEFAULT_PASSWORD_RULES } from '../../domain/password-policy.ts';
import type { PasswordRules } from '../../domain/password-policy.ts';
import { findAccountById } from '../../repositories/account-repository.ts';
import { readSetting, writeSetting } from '../../repositories/settings-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { getSecuritySettings } from '../settings-service.ts';

export const SECURITY_POLICY_KEY = 'platform.security_policy';

export type SecurityPolicy = SecurityPolicyDto;

/** The policy in force: the security administrator's, or the defaults of configuration and settings. */
export async function getSecurityPolicy(db: DbOrTx, options: { config: AppConfig }): Promise<SecurityPolicy> {
  const stored = securityPolicySchema.safeParse(await readSetting(db, SECURITY_POLICY_KEY));
  if (stored.success) return stored.data;
  const { passwordPolicy } = await getSecuritySettings(db, options);
  return {
    password: { ...DEFAULT_PASSWORD_RULES, bannedWords: [...DEFAULT_PASSWORD_RULES.bannedWords], ...passwordPolicy, ...options.config.passwordRules },
    sessions: { ...options.config.sessionLimits },
    secondFactor: options.config.secondFactor,
  };
}

/** The password rules in force. */
export async function getPasswordRules(db: DbOrTx, options: { config: AppConfig }): Promise<PasswordRules> {
  return (await getSecurityPolicy(db, options)).password;
}

/** Sets the security policy (security administrator); audited with the policy before and after. */
export async function updateSecurityPolicy(
  db: Database,
  options: { config: AppConfig; policy: SecurityPolicy; origin: AuditOrigin },
): Promise<SecurityPolicy> {
  const policy = securityPolicySchema.parse(options.policy);
  return db.transaction(async (tx) => {
    const before = await getSecurityPolicy(tx, options);
    await writeSetting(tx, SECURITY_POLICY_KEY, policy, options.origin.at, options.origin.actorId);
    await recordAudit(tx, {
      ...options.origin,
      action: 'settings.security_policy',
      entityType: 'settings',
      entityId: SECURITY_POLICY_KEY,
      before,
      after: policy,
    });
    return policy;
  });
}

/** When the account's password expires under `rules` (null: never). */
export function passwordExpiresAt(account: { passwordChangedAt: Date | null; createdAt: Date }, rules: Pick<PasswordRules, 'maxAgeDays'>): Date | null {
  if (rules.maxAgeDays <= 0) return null;
  const since = account.passwordChangedAt ?? account.createdAt;
  return new Date(since.getTime() + rules.maxAgeDays * 86_400_000);
}

/** When the account's password expires under the rules in force (null: never, or no such account). */
export async function passwordExpiryOf(db: DbOrTx, options: { config: AppConfig; accountId: string }): Promise<Date | null> {
  const account = await findAccountById(db, options.accountId);
  return account === null ? null : passwordExpiresAt(account, await getPasswordRules(db, options));
}
