/**
 * Runtime security settings (session timeouts, password policy, lockout). The environment gives the
 * defaults; the system administrator may override them (stored in `settings`, audited).
 */
import type { AppConfig } from '../config/config.ts';
import type { DbOrTx, Database } from '../db/database.ts';
import { securitySettingsDtoSchema } from '../contracts/settings.ts';
import type { SecuritySettingsDto } from '../contracts/settings.ts';
import { AppError } from '../errors/app-error.ts';
import { readSetting, writeSetting } from '../repositories/settings-repository.ts';
import { recordAudit } from './audit-service.ts';
import type { AuditOrigin } from './audit-service.ts';

export const SECURITY_SETTINGS_KEY = 'platform.security';

/** The settings' bounds are the contract's (src/contracts/settings.ts): one place for server and page. */
export const securitySettingsSchema = securitySettingsDtoSchema;

export type SecuritySettings = SecuritySettingsDto;

/** The contract's description of the setting at `path` (空闲超时（分钟）), for a refusal's message. */
function describedField(path: readonly PropertyKey[]): string | undefined {
  const [group, key] = path;
  const groups: Record<string, { shape: Record<string, { description?: string | undefined }> }> = securitySettingsSchema.shape;
  return typeof group === 'string' && typeof key === 'string' ? groups[group]?.shape[key]?.description : undefined;
}

/** The security settings before the system administrator changes any: from the configuration. */
export function defaultSecuritySettings(config: AppConfig): SecuritySettings {
  return { session: config.session, passwordPolicy: config.passwordPolicy, lockout: config.lockout };
}

/** The settings in force: stored overrides (where valid) over the configured defaults. */
export async function getSecuritySettings(db: DbOrTx, options: { config: AppConfig }): Promise<SecuritySettings> {
  const { config } = options;
  const stored: unknown = await readSetting(db, SECURITY_SETTINGS_KEY);
  const defaults = defaultSecuritySettings(config);
  if (typeof stored !== 'object' || stored === null) return defaults;
  // Group by group: a group stored under older, looser bounds (an idle timeout of 1 minute) gives way
  // to the configured default without discarding the other groups.
  const groups = stored as Partial<Record<keyof SecuritySettings, unknown>>;
  const shape = securitySettingsSchema.shape;
  const session = shape.session.safeParse(groups.session);
  const passwordPolicy = shape.passwordPolicy.safeParse(groups.passwordPolicy);
  const lockout = shape.lockout.safeParse(groups.lockout);
  return {
    session: session.success ? session.data : defaults.session,
    passwordPolicy: passwordPolicy.success ? passwordPolicy.data : defaults.passwordPolicy,
    lockout: lockout.success ? lockout.data : defaults.lockout,
  };
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
  const { config, origin } = options;
  const at = origin.at;
  // The route validated already; callers without a route (the CLI, jobs) get the same bounds.
  const checked = securitySettingsSchema.safeParse(options.settings);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const described = issue === undefined ? undefined : describedField(issue.path);
    throw new AppError('value_out_of_range', `系统设置超出允许范围：${described ?? '某项设置'}${issue?.message ?? ''}`, {
      ...(issue === undefined ? {} : { field: issue.path.join('.') }),
    });
  }
  const settings = checked.data;
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
