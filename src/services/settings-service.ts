/**
 * Runtime security settings (session timeouts, password policy, lockout). The environment gives the
 * defaults; the system administrator may override them (stored in `settings`, audited).
 */
import { z } from 'zod';
import type { AppConfig } from '../config/config.ts';
import type { DbOrTx, Database } from '../db/database.ts';
import { readSetting, writeSetting } from '../repositories/settings-repository.ts';
import { recordAudit } from './audit-service.ts';
import type { AuditOrigin } from './audit-service.ts';

export const SECURITY_SETTINGS_KEY = 'platform.security';

export const securitySettingsSchema = z.object({
  session: z.object({
    idleMinutes: z.number().int().min(1).max(24 * 60),
    absoluteHours: z.number().int().min(1).max(24 * 30),
  }),
  passwordPolicy: z.object({
    minLength: z.number().int().min(8).max(128),
    minClasses: z.number().int().min(1).max(4),
  }),
  lockout: z.object({
    threshold: z.number().int().min(1).max(100),
    minutes: z.number().int().min(1).max(24 * 60),
  }),
});

export type SecuritySettings = z.infer<typeof securitySettingsSchema>;

/** The security settings before the system administrator changes any: from the configuration. */
export function defaultSecuritySettings(config: AppConfig): SecuritySettings {
  return { session: config.session, passwordPolicy: config.passwordPolicy, lockout: config.lockout };
}

/** The settings in force: stored overrides (where valid) over the configured defaults. */
export async function getSecuritySettings(db: DbOrTx, options: { config: AppConfig }): Promise<SecuritySettings> {
  const { config } = options;
  const stored = securitySettingsSchema.partial().safeParse(await readSetting(db, SECURITY_SETTINGS_KEY));
  const defaults = defaultSecuritySettings(config);
  if (!stored.success) return defaults;
  return { ...defaults, ...stored.data };
}

/** Replaces the security settings (system administrator); audited. */
export async function updateSecuritySettings(
  db: Database,
  options: {
    config: AppConfig;
    settings: SecuritySettings;
    origin: AuditOrigin;
  },
): Promise<SecuritySettings> {
  const { config, settings, origin } = options;
  const at = origin.at;
  return db.transaction(async (tx) => {
    const before = await getSecuritySettings(tx, { config });
    await writeSetting(tx, SECURITY_SETTINGS_KEY, settings, at, origin.actorId);
    await recordAudit(tx, {
      ...origin,
      at,
      action: 'settings.update',
      entityType: 'settings',
      entityId: SECURITY_SETTINGS_KEY,
      before,
      after: settings,
    });
    return settings;
  });
}
