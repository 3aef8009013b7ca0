/**
 * The password rules in force (issue 17 point 3): length and classes, common and leaked passwords,
 * predictable patterns, banned words, password age and history. The configuration and the system
 * settings (length, classes) give the defaults; once the security administrator sets the rules
 * (stored under `platform.password_rules`, audited) they are the ones in force.
 */
import { z } from 'zod';
import type { AppConfig } from '../../config/config.ts';
import type { Database, DbOrTx } from '../../db/database.ts';
import { DEFAULT_PASSWORD_RULES } from '../../domain/password-policy.ts';
import type { PasswordRules } from '../../domain/password-policy.ts';
import { findAccountById } from '../../repositories/account-repository.ts';
import { readSetting, writeSetting } from '../../repositories/settings-repository.ts';
import { recordAudit } from '../audit-service.ts';
import type { AuditOrigin } from '../audit-service.ts';
import { getSecuritySettings } from '../settings-service.ts';

export const PASSWORD_RULES_KEY = 'platform.password_rules';

export const passwordRulesSchema = z.object({
  minLength: z.number().int().min(8).max(128),
  minClasses: z.number().int().min(1).max(4),
  blockCommon: z.boolean(),
  minUnpredictable: z.number().int().min(0).max(32),
  maxAgeDays: z.number().int().min(0).max(3650),
  historyCount: z.number().int().min(0).max(24),
  bannedWords: z.array(z.string().trim().toLowerCase().min(3).max(64)).max(200),
});

/** The rules in force: the security administrator's, or the defaults of configuration and settings. */
export async function getPasswordRules(db: DbOrTx, options: { config: AppConfig }): Promise<PasswordRules> {
  const stored = passwordRulesSchema.safeParse(await readSetting(db, PASSWORD_RULES_KEY));
  if (stored.success) return stored.data;
  const { passwordPolicy } = await getSecuritySettings(db, options);
  return { ...DEFAULT_PASSWORD_RULES, ...passwordPolicy, ...options.config.passwordRules };
}

/** Sets the password rules (security administrator); audited with the rules before and after. */
export async function updatePasswordRules(
  db: Database,
  options: { config: AppConfig; rules: PasswordRules; origin: AuditOrigin },
): Promise<PasswordRules> {
  const rules = passwordRulesSchema.parse(options.rules);
  return db.transaction(async (tx) => {
    const before = await getPasswordRules(tx, options);
    await writeSetting(tx, PASSWORD_RULES_KEY, rules, options.origin.at, options.origin.actorId);
    await recordAudit(tx, {
      ...options.origin,
      action: 'settings.password_rules',
      entityType: 'settings',
      entityId: PASSWORD_RULES_KEY,
      before,
      after: rules,
    });
    return rules;
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
