import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkPassword, characterClasses, DEFAULT_PASSWORD_POLICY, generatePassword } from '../../src/domain/password-policy.ts';

describe('password policy', () => {
  it('accepts 10 characters from 3 classes', () => {
    expect(checkPassword('abcdefgh1!', DEFAULT_PASSWORD_POLICY)).toEqual([]);
  });

  it('names the length rule', () => {
    const violations = checkPassword('Ab1!x', DEFAULT_PASSWORD_POLICY);
    expect(violations.map((v) => v.rule)).toEqual(['min_length']);
    expect(violations[0]?.message).toContain('至少 10 位');
  });

  it('names the class rule', () => {
    const violations = checkPassword('abcdefghijkl', DEFAULT_PASSWORD_POLICY);
    expect(violations.map((v) => v.rule)).toEqual(['char_classes']);
    expect(violations[0]?.message).toContain('至少 3 类');
  });

  it('refuses a password containing the username', () => {
    expect(checkPassword('Zhangsan-2025', DEFAULT_PASSWORD_POLICY, { username: 'zhangsan' }).map((v) => v.rule)).toEqual([
      'contains_username',
    ]);
  });

  it('looks a password up in the common list as typed, de-l33ted and without the digits and symbols around it', () => {
    const rules = { ...DEFAULT_PASSWORD_POLICY, blockCommon: true };
    const commonPasswords = new Set(['monkey', 'dragonfly']);
    for (const password of ['M0nk3y!2024', 'MONKEY#12345', 'Dr@g0nFly-99']) {
      expect(checkPassword(password, rules, { commonPasswords }).map((v) => v.rule), password).toContain('common_password');
    }
    expect(checkPassword('Kt8#vq-Rm2!xz', rules, { commonPasswords })).toEqual([]);
  });

  it('follows a configured policy', () => {
    expect(checkPassword('abcdefgh', { minLength: 8, minClasses: 1 })).toEqual([]);
    expect(checkPassword('Abcdefgh1!xy', { minLength: 12, minClasses: 4 })).toEqual([]);
    expect(checkPassword('Abcdefgh1xyz', { minLength: 12, minClasses: 4 }).map((v) => v.rule)).toEqual(['char_classes']);
  });

  it('counts non-ASCII characters as symbols and by code point', () => {
    expect([...characterClasses('密码Ab')].sort()).toEqual(['lower', 'symbol', 'upper']);
  });

  it('generates passwords that satisfy the strictest policy', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 64, maxLength: 64 }), (seed) => {
        let i = 0;
        const password = generatePassword((n) => (seed[i++ % seed.length] ?? 0) % n, 16);
        expect(password).toHaveLength(16);
        expect(checkPassword(password, { minLength: 16, minClasses: 4 })).toEqual([]);
      }),
    );
  });
});
