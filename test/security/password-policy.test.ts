/**
 * Issue 17 point 3: the password rules of level 3 — complexity, common and leaked passwords,
 * predictable patterns, username and product name, password age and history — set by the
 * security administrator.
 */
import { describe, expect, it } from 'vitest';
import { checkPassword, DEFAULT_PASSWORD_POLICY, DEFAULT_PASSWORD_RULES } from '../../src/domain/password-policy.ts';
import { commonPasswordList } from '../../src/services/passwords.ts';
import { describeDatabases, strongPassword } from '../integration/harness.ts';

const RULES = { ...DEFAULT_PASSWORD_POLICY, ...DEFAULT_PASSWORD_RULES };
const rulesBroken = (password: string, username?: string) =>
  checkPassword(password, RULES, { ...(username === undefined ? {} : { username }), commonPasswords: commonPasswordList() }).map((v) => v.rule);

describe('password rules (pure)', () => {
  it('refuses the weak passwords the assessor found, each for a reason it names', () => {
    expect(rulesBroken('Password123')).toContain('common_password');
    expect(rulesBroken('Qwerty123456')).toContain('common_password');
    expect(rulesBroken('Admin@12345')).toContain('common_password');
    expect(rulesBroken('Lianxi2026!')).toContain('contains_product_name');
    expect(rulesBroken('联席Meeting2026!')).toContain('contains_product_name');
  });

  it('refuses keyboard walks, years and dates, repeats and l33t spellings of common words', () => {
    for (const password of ['1qaz2WSX3edc', 'Asdfghjkl;2024', 'Zxcvbnm!1990', 'P@ssw0rd!2025', 'Woaini!5201314', 'Aaaaaa111111!', 'Huawei#19900101', 'Qazwsx!@#$%^']) {
      const broken = rulesBroken(password);
      expect(broken.some((rule) => rule === 'common_password' || rule === 'predictable'), `${password}: ${broken.join(',')}`).toBe(true);
    }
  });

  it('refuses what only the maintained list knows (not the old hand-written one), in capitals, l33t and with digits around', () => {
    const list = commonPasswordList();
    // The maintained list of @zxcvbn-ts/language-common holds tens of thousands of entries.
    expect(list.size).toBeGreaterThan(40_000);
    for (const word of ['mushroom', 'kangaroo', 'starcraft', 'goodluck', 'guardian', 'rammstein']) expect(list.has(word), word).toBe(true);
    for (const password of ['Mushr00m!2024', 'K@ngaroo99!', 'STARCRAFT2025', 'Goodluck!888', 'Gu@rd1an#77', 'Rammstein-1234']) {
      expect(rulesBroken(password), password).toContain('common_password');
    }
    // The local additions stay: Chinese pinyin passwords the English-centred list lacks.
    expect(rulesBroken('Woaini1314!@')).toContain('common_password');
    expect(rulesBroken('Bangongshi#2026')).toContain('common_password');
  });

  it('refuses the username in any case, and the banned words of the security administrator', () => {
    expect(rulesBroken('Zhangsan-Kt8#vq', 'zhangsan')).toContain('contains_username');
    expect(checkPassword('Kt8#vq-Gzwj-Rq', { ...RULES, bannedWords: ['gzwj'] }, { commonPasswords: commonPasswordList() }).map((v) => v.rule)).toEqual(['banned_word']);
  });

  it('accepts random and passphrase-like passwords', () => {
    for (const password of ['Kt8#vq-Rm2!xz', strongPassword(), 'Tiger-Lamp-Orbit-97!', '秋水-Ridge7-萤火']) {
      expect(rulesBroken(password), password).toEqual([]);
    }
  });
});

describeDatabases('security: password rules of the security administrator', (t) => {
  const post = async (url: string, payload: unknown, cookie?: string) =>
    (await t.app()).inject({ method: 'POST', url, payload: payload as object, headers: cookie === undefined ? {} : { cookie } });

  it('refuses the four weak passwords at change and at account creation', async () => {
    const account = await t.createAccount();
    const cookie = await t.signIn(account);
    for (const weak of ['Password123', 'Qwerty123456', 'Admin@12345', 'Lianxi2026!']) {
      const res = await post('/api/auth/change-password', { currentPassword: account.password, newPassword: weak }, cookie);
      expect(res.statusCode, weak).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('password_policy');
    }
    const security = await t.signIn(await t.createAccount({ systemRoles: ['security_admin'] }));
    const created = await post('/api/accounts', { username: `pw${Date.now().toString(36)}`, displayName: '新用户', password: 'Password123' }, security);
    expect(created.statusCode).toBe(400);
  });

  it('refuses reusing any of the last five passwords, and accepts the sixth back', async () => {
    const account = await t.createAccount();
    let cookie = await t.signIn(account);
    const used = [account.password];
    for (let i = 0; i < 5; i += 1) {
      const next = strongPassword();
      const res = await post('/api/auth/change-password', { currentPassword: used[used.length - 1], newPassword: next }, cookie);
      expect(res.statusCode, res.body).toBe(200);
      used.push(next);
      cookie = await t.signIn({ username: account.username, password: next });
    }
    const current = used[used.length - 1];
    // used[1] … used[4] are among the last five (with the current one): refused.
    for (const old of used.slice(2, 5)) {
      const res = await post('/api/auth/change-password', { currentPassword: current, newPassword: old }, cookie);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('password_reused');
    }
    // The original password is the sixth back: allowed again.
    const back = await post('/api/auth/change-password', { currentPassword: current, newPassword: used[0] }, cookie);
    expect(back.statusCode, back.body).toBe(200);
  });

  it('lets the security administrator set the rules (audited); an expired password must be changed first', async () => {
    const security = await t.signIn(await t.createAccount({ systemRoles: ['security_admin'] }));
    const app = await t.app();
    const current = (await app.inject({ method: 'GET', url: '/api/security-policy', headers: { cookie: security } })).json<{ password: Record<string, unknown> }>();
    expect(current.password).toMatchObject({ blockCommon: true, historyCount: 5 });
    const system = await t.signIn(await t.createAccount({ systemRoles: ['system_admin'] }));
    expect((await app.inject({ method: 'PUT', url: '/api/security-policy', headers: { cookie: system }, payload: current })).statusCode).toBe(403);
    const policy = { ...current, password: { ...current.password, maxAgeDays: 30, minLength: 12, bannedWords: ['gzwj'] } };
    const put = await app.inject({ method: 'PUT', url: '/api/security-policy', headers: { cookie: security }, payload: policy });
    expect(put.statusCode, put.body).toBe(200);
    const [row] = await t.sql<{ action: string }>("SELECT action FROM audit_log WHERE action = 'settings.security_policy'");
    expect(row?.action).toBe('settings.security_policy');
    try {
      const account = await t.createAccount();
      const cookie = await t.signIn(account);
      const tooShort = await post('/api/auth/change-password', { currentPassword: account.password, newPassword: 'Kt8#vq-Rm2!' }, cookie);
      expect(tooShort.json<{ error: { details: { violations: { rule: string }[] } } }>().error.details.violations.map((v) => v.rule)).toEqual(['min_length']);
      t.clock.advanceMinutes(31 * 24 * 60);
      const again = await t.signIn(account);
      const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: again } });
      expect(me.json<{ account: { mustChangePassword: boolean } }>().account.mustChangePassword).toBe(true);
      expect(me.json<{ passwordExpiresAt: string | null }>().passwordExpiresAt).not.toBeNull();
      const blocked = await app.inject({ method: 'GET', url: '/api/me/inbox', headers: { cookie: again } });
      expect(blocked.statusCode).toBe(403);
      const [expired] = await t.sql<{ count: string }>("SELECT count(*)::text AS count FROM audit_log WHERE action = 'auth.password_expired' AND entity_id = $1", [account.id]);
      expect(expired?.count).toBe('1');
    } finally {
      await app.inject({ method: 'PUT', url: '/api/security-policy', headers: { cookie: await t.signIn(await t.createAccount({ systemRoles: ['security_admin'] })) }, payload: { ...current } });
    }
  });
});
