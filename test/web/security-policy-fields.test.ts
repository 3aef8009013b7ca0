/**
 * Issue 15: which security-policy changes loosen it (and so are saved only after a confirmation),
 * and the bounds the page shows match the contract's.
 */
import { describe, expect, it } from 'vitest';
import { securityPolicyDtoSchema } from '../../src/contracts/security-policy.ts';
import { PASSWORD_FIELDS, SESSION_FIELDS, looserPolicyChanges, type SecurityPolicyValues } from '../../web/src/admin/security-policy-fields.ts';

const base: SecurityPolicyValues = {
  password: { minLength: 12, minClasses: 3, blockCommon: true, minUnpredictable: 4, maxAgeDays: 90, historyCount: 5, bannedWords: ['gdsw'] },
  sessions: { userLimit: 3, adminLimit: 1 },
  secondFactor: 'administrators',
};

function changed(patch: (copy: SecurityPolicyValues) => void): SecurityPolicyValues {
  const copy = structuredClone(base);
  patch(copy);
  return copy;
}

describe('looser security-policy changes', () => {
  it('asks nothing for no change or a stricter one', () => {
    expect(looserPolicyChanges(base, base)).toEqual([]);
    const stricter = changed((p) => {
      p.sessions.userLimit = 2;
      p.secondFactor = 'everyone';
      p.password.minLength = 14;
      p.password.maxAgeDays = 30;
      p.password.bannedWords.push('another');
    });
    expect(looserPolicyChanges(base, stricter)).toEqual([]);
    // From no limit to a limit is stricter.
    expect(looserPolicyChanges(changed((p) => (p.sessions.userLimit = 0)), base)).toEqual([]);
  });

  it('names a higher or lifted session limit and a weaker second factor', () => {
    expect(looserPolicyChanges(base, changed((p) => (p.sessions.userLimit = 0)))).toEqual([{ kind: 'user_limit', before: 3, after: 0 }]);
    expect(looserPolicyChanges(base, changed((p) => (p.sessions.userLimit = 4)))).toEqual([{ kind: 'user_limit', before: 3, after: 4 }]);
    expect(looserPolicyChanges(base, changed((p) => (p.sessions.adminLimit = 2)))).toEqual([{ kind: 'admin_limit', before: 1, after: 2 }]);
    expect(looserPolicyChanges(base, changed((p) => (p.secondFactor = 'off')))).toEqual([{ kind: 'second_factor', before: 'administrators', after: 'off' }]);
  });

  it('names every looser password rule once', () => {
    const looser: ((p: SecurityPolicyValues) => void)[] = [
      (p) => (p.password.minLength = 10),
      (p) => (p.password.minClasses = 2),
      (p) => (p.password.blockCommon = false),
      (p) => (p.password.minUnpredictable = 0),
      (p) => (p.password.maxAgeDays = 0),
      (p) => (p.password.maxAgeDays = 180),
      (p) => (p.password.historyCount = 0),
      (p) => (p.password.bannedWords = []),
    ];
    for (const patch of looser) expect(looserPolicyChanges(base, changed(patch))).toEqual([{ kind: 'password_looser' }]);
  });

  it('shows the contract’s bounds', () => {
    const shape = securityPolicyDtoSchema.shape;
    for (const field of [...SESSION_FIELDS, ...PASSWORD_FIELDS]) {
      const [group, key] = field.path;
      const schema = (shape[group].shape as Record<string, { minValue: number | null; maxValue: number | null }>)[key];
      expect([field.path.join('.'), schema?.minValue, schema?.maxValue]).toEqual([field.path.join('.'), field.min, field.max]);
    }
  });
});
