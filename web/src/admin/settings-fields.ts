/**
 * The system settings' fields with their bounds (the contract's: src/contracts/settings.ts, checked
 * by test/web/settings-fields.test.ts) and the changes that need a confirmation before saving
 * (issue 15 point 6). Pure: no React.
 */
import type { MessageKey } from '../i18n/messages-zh.ts';

/** The settings' values (the shape of `SecuritySettings` of admin-api.ts, kept here free of the client). */
export interface SettingsValues {
  session: { idleMinutes: number; absoluteHours: number };
  passwordPolicy: { minLength: number; minClasses: number };
  lockout: { threshold: number; minutes: number };
}

export type SettingsGroup = 'session' | 'passwordPolicy' | 'lockout';

export interface SettingsField {
  path: [SettingsGroup, string];
  label: MessageKey;
  min: number;
  max: number;
}

/** Below this idle timeout (minutes) the page asks for confirmation (the server's floor is 5). */
export const IDLE_CONFIRM_BELOW_MINUTES = 15;

export const SETTINGS_GROUPS: { title: MessageKey; fields: SettingsField[] }[] = [
  {
    title: 'settings.session',
    fields: [
      { path: ['session', 'idleMinutes'], label: 'settings.idleMinutes', min: 5, max: 24 * 60 },
      { path: ['session', 'absoluteHours'], label: 'settings.absoluteHours', min: 1, max: 24 * 30 },
    ],
  },
  {
    title: 'settings.passwordPolicy',
    fields: [
      { path: ['passwordPolicy', 'minLength'], label: 'settings.minLength', min: 8, max: 128 },
      { path: ['passwordPolicy', 'minClasses'], label: 'settings.minClasses', min: 1, max: 4 },
    ],
  },
  {
    title: 'settings.lockout',
    fields: [
      { path: ['lockout', 'threshold'], label: 'settings.threshold', min: 1, max: 100 },
      { path: ['lockout', 'minutes'], label: 'settings.lockMinutes', min: 1, max: 24 * 60 },
    ],
  },
];

export type DangerousChange =
  | { kind: 'idle_short'; minutes: number }
  | { kind: 'absolute_changed'; before: number; after: number }
  | { kind: 'password_weaker' }
  | { kind: 'lockout_weaker' };

/** What in `after` weakens security or affects everyone compared with `before` (empty: save at once). */
export function dangerousChanges(before: SettingsValues, after: SettingsValues): DangerousChange[] {
  const changes: DangerousChange[] = [];
  if (after.session.idleMinutes < IDLE_CONFIRM_BELOW_MINUTES && after.session.idleMinutes !== before.session.idleMinutes) {
    changes.push({ kind: 'idle_short', minutes: after.session.idleMinutes });
  }
  if (after.session.absoluteHours !== before.session.absoluteHours) {
    changes.push({ kind: 'absolute_changed', before: before.session.absoluteHours, after: after.session.absoluteHours });
  }
  if (after.passwordPolicy.minLength < before.passwordPolicy.minLength || after.passwordPolicy.minClasses < before.passwordPolicy.minClasses) {
    changes.push({ kind: 'password_weaker' });
  }
  if (after.lockout.threshold > before.lockout.threshold || after.lockout.minutes < before.lockout.minutes) {
    changes.push({ kind: 'lockout_weaker' });
  }
  return changes;
}
