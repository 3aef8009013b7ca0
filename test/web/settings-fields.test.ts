/**
 * Issue 15 point 6: the settings page shows the contract's bounds (the server keeps an idle timeout
 * of at least 5 minutes) and asks before a change that weakens security; Enter in a date field
 * never submits its form.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { securitySettingsDtoSchema } from '../../src/contracts/settings.ts';
import { SETTINGS_GROUPS, dangerousChanges } from '../../web/src/admin/settings-fields.ts';
import { keepEnterInDateField } from '../../web/src/common/date-field-keys.ts';

interface Bounds {
  properties: Record<string, { properties: Record<string, { minimum?: number; maximum?: number }> }>;
}

const SETTINGS = {
  session: { idleMinutes: 30, absoluteHours: 12 },
  passwordPolicy: { minLength: 10, minClasses: 3 },
  lockout: { threshold: 5, minutes: 15 },
};

describe('settings fields', () => {
  it("show the contract's bounds, and the server refuses an idle timeout under 5 minutes", () => {
    const schema = z.toJSONSchema(securitySettingsDtoSchema) as unknown as Bounds;
    const fields = SETTINGS_GROUPS.flatMap((group) => group.fields);
    expect(fields).toHaveLength(6);
    for (const field of fields) {
      const bounds = schema.properties[field.path[0]]?.properties[field.path[1]];
      expect([field.min, field.max], field.path.join('.')).toEqual([bounds?.minimum, bounds?.maximum]);
    }
    expect(securitySettingsDtoSchema.safeParse({ ...SETTINGS, session: { idleMinutes: 0, absoluteHours: 12 } }).success).toBe(false);
    expect(securitySettingsDtoSchema.safeParse({ ...SETTINGS, session: { idleMinutes: 5, absoluteHours: 12 } }).success).toBe(true);
  });

  it('name the dangerous changes, and none for a stricter setting', () => {
    expect(dangerousChanges(SETTINGS, SETTINGS)).toEqual([]);
    expect(dangerousChanges(SETTINGS, { ...SETTINGS, session: { idleMinutes: 60, absoluteHours: 12 }, lockout: { threshold: 3, minutes: 30 } })).toEqual([]);
    expect(dangerousChanges(SETTINGS, { ...SETTINGS, session: { idleMinutes: 10, absoluteHours: 24 } })).toEqual([
      { kind: 'idle_short', minutes: 10 },
      { kind: 'absolute_changed', before: 12, after: 24 },
    ]);
    expect(dangerousChanges(SETTINGS, { ...SETTINGS, passwordPolicy: { minLength: 8, minClasses: 3 }, lockout: { threshold: 10, minutes: 15 } }).map((c) => c.kind)).toEqual([
      'password_weaker',
      'lockout_weaker',
    ]);
  });

  it('keep Enter in a date field from submitting the form', () => {
    const pressed: string[] = [];
    for (const key of ['Enter', 'Tab', 'a']) keepEnterInDateField({ key, preventDefault: () => pressed.push(key) });
    expect(pressed).toEqual(['Enter']);
  });
});
