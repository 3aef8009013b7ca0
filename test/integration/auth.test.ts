import { expect, it } from 'vitest';
import { accounts } from '../../src/db/schema/platform.ts';
import { eq } from 'drizzle-orm';
import { bootstrapAdministrators } from '../../src/services/accounts/create-account.ts';
import { cookieHeader, describeDatabases, signIn, strongPassword } from './harness.ts';
import { publishTestBody } from './factories/bodies.ts';

describeDatabases('auth', (t) => {
  const get = async (url: string, cookie?: string) =>
    (await t.app()).inject({ method: 'GET', url, headers: cookie === undefined ? {} : { cookie } });
  const post = async (url: string, payload: unknown, cookie?: string) =>
    (await t.app()).inject({ method: 'POST', url, payload: payload as object, headers: cookie === undefined ? {} : { cookie } });

  it('signs in with an HttpOnly SameSite cookie, reads me, signs out', async () => {
    const account = await t.createAccount();
    const res = await post('/api/auth/sign-in', { username: account.username, password: account.password });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/lianxi_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const cookie = cookieHeader(res.headers['set-cookie']);
    const me = await get('/api/auth/me', cookie);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ account: { username: account.username, mustChangePassword: false } });
    expect((await post('/api/auth/sign-out', {}, cookie)).statusCode).toBe(200);
    const after = await get('/api/auth/me', cookie);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('unauthenticated');
  });

  it('stores argon2id hashes, never the password', async () => {
    const account = await t.createAccount();
    const [row] = await t.db.select().from(accounts).where(eq(accounts.id, account.id));
    expect(row?.passwordHash.startsWith('$argon2id$')).toBe(true);
    expect(row?.passwordHash).not.toContain(account.password);
  });

  it('refuses a wrong password and an unknown user with the same answer', async () => {
    const account = await t.createAccount();
    const wrong = await post('/api/auth/sign-in', { username: account.username, password: 'Wrong-password-1' });
    const unknown = await post('/api/auth/sign-in', { username: 'nobody-here', password: 'Wrong-password-1' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error).toEqual(unknown.json().error);
  });

  it('locks after 5 failures for 30 minutes, then lets the right password in', async () => {
    const account = await t.createAccount();
    for (let i = 0; i < 4; i++) {
      const res = await post('/api/auth/sign-in', { username: account.username, password: `Wrong-pass-${i}x` });
      expect(res.json().error.code).toBe('invalid_credentials');
    }
    const fifth = await post('/api/auth/sign-in', { username: account.username, password: 'Wrong-pass-5x' });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('account_locked');
    const locked = await post('/api/auth/sign-in', { username: account.username, password: account.password });
    expect(locked.statusCode).toBe(423);
    t.clock.advanceMinutes(29);
    expect((await post('/api/auth/sign-in', { username: account.username, password: account.password })).statusCode).toBe(423);
    t.clock.advanceMinutes(1);
    expect((await post('/api/auth/sign-in', { username: account.username, password: account.password })).statusCode).toBe(200);
  });

  it('lets the security administrator unlock a locked account', async () => {
    const account = await t.createAccount();
    const security = await t.createAccount({ systemRoles: ['security_admin'] });
    for (let i = 0; i < 5; i++) await post('/api/auth/sign-in', { username: account.username, password: `Wrong-pass-${i}x` });
    const cookie = await t.signIn(security);
    const view = await get(`/api/accounts/${account.id}`, cookie);
    expect(view.json().lockedUntil).not.toBeNull();
    const unlock = await post(`/api/accounts/${account.id}/unlock`, {}, cookie);
    expect(unlock.statusCode).toBe(200);
    expect(unlock.json().lockedUntil).toBeNull();
    expect((await post('/api/auth/sign-in', { username: account.username, password: account.password })).statusCode).toBe(200);
  });

  it('ends a session after 30 idle minutes', async () => {
    const account = await t.createAccount();
    const cookie = await t.signIn(account);
    t.clock.advanceMinutes(29);
    expect((await get('/api/auth/me', cookie)).statusCode).toBe(200);
    t.clock.advanceMinutes(29);
    expect((await get('/api/auth/me', cookie)).statusCode).toBe(200);
    t.clock.advanceMinutes(30);
    const expired = await get('/api/auth/me', cookie);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('session_expired');
    expect((await get('/api/auth/me', cookie)).statusCode).toBe(401);
  });

  it('ends a session 12 hours after sign-in however active', async () => {
    const account = await t.createAccount();
    const cookie = await t.signIn(account);
    for (let i = 0; i < 12 * 3 - 1; i++) {
      t.clock.advanceMinutes(20);
      expect((await get('/api/auth/me', cookie)).statusCode).toBe(200);
    }
    t.clock.advanceMinutes(20);
    const expired = await get('/api/auth/me', cookie);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error).toMatchObject({ code: 'session_expired', details: { reason: 'absolute_timeout' } });
  });

  it('changes the password: checks the current one and names the broken rule', async () => {
    const account = await t.createAccount();
    const cookie = await t.signIn(account);
    const short = await post('/api/auth/change-password', { currentPassword: account.password, newPassword: 'Ab1!' }, cookie);
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({ code: 'password_policy', field: 'newPassword' });
    expect(short.json().error.details.violations.map((v: { rule: string }) => v.rule)).toContain('min_length');
    const classes = await post('/api/auth/change-password', { currentPassword: account.password, newPassword: 'kvmrtpxwzhqjnd' }, cookie);
    expect(classes.json().error.details.violations.map((v: { rule: string }) => v.rule)).toEqual(['char_classes']);
    expect(classes.json().error.message).toContain('至少 3 类');
    const wrongCurrent = await post('/api/auth/change-password', { currentPassword: 'Not-the-one-1', newPassword: strongPassword() }, cookie);
    expect(wrongCurrent.json().error).toMatchObject({ code: 'wrong_current_password', field: 'currentPassword' });
    const next = strongPassword();
    expect((await post('/api/auth/change-password', { currentPassword: account.password, newPassword: next }, cookie)).statusCode).toBe(200);
    expect((await post('/api/auth/sign-in', { username: account.username, password: account.password })).statusCode).toBe(401);
    expect((await post('/api/auth/sign-in', { username: account.username, password: next })).statusCode).toBe(200);
  });

  it('follows the password policy the system administrator sets', async () => {
    const system = await t.createAccount({ systemRoles: ['system_admin'] });
    const cookie = await t.signIn(system);
    const current = (await get('/api/settings', cookie)).json();
    expect(current.passwordPolicy).toEqual({ minLength: 10, minClasses: 3 });
    const stricter = { ...current, passwordPolicy: { minLength: 14, minClasses: 4 } };
    expect((await (await t.app()).inject({ method: 'PUT', url: '/api/settings', payload: stricter, headers: { cookie } })).statusCode).toBe(200);
    try {
      const account = await t.createAccount({ password: 'Kvmrtpxwzhqj-2' });
      const own = await t.signIn(account);
      const res = await post('/api/auth/change-password', { currentPassword: account.password, newPassword: 'Kvmrtpxwzh12' }, own);
      expect(res.json().error.details.violations.map((v: { rule: string }) => v.rule).sort()).toEqual(['char_classes', 'min_length']);
    } finally {
      await (await t.app()).inject({ method: 'PUT', url: '/api/settings', payload: current, headers: { cookie } });
    }
  });

  it('creates the three administrators once, each forced to change the password first', async () => {
    // Simulate a first start on this database: the bootstrap marker is absent in a fresh database.
    const first = await bootstrapAdministrators(t.db, { config: t.config, clock: t.clock });
    const second = await bootstrapAdministrators(t.db, { config: t.config, clock: t.clock });
    expect(second.created).toEqual([]);
    expect(first.created.map((a) => [a.username, a.role])).toEqual([
      ['sysadmin', 'system_admin'],
      ['secadmin', 'security_admin'],
      ['auditadmin', 'audit_admin'],
    ]);
    const passwords = new Set(first.created.map((a) => a.oneTimePassword));
    expect(passwords.size).toBe(3);
    const app = await t.app();
    for (const admin of first.created) {
      const cookie = await signIn(app, { username: admin.username, password: admin.oneTimePassword });
      const me = await get('/api/auth/me', cookie);
      expect(me.json().account).toMatchObject({ mustChangePassword: true, systemRoles: [admin.role] });
      // Every other route refuses until the password is changed.
      for (const url of ['/api/settings', '/api/accounts', '/api/audit']) {
        const refused = await get(url, cookie);
        expect(refused.statusCode).toBe(403);
        expect(refused.json().error.code).toBe('password_change_required');
      }
      const next = strongPassword();
      const changed = await post('/api/auth/change-password', { currentPassword: admin.oneTimePassword, newPassword: next }, cookie);
      expect(changed.statusCode).toBe(200);
      expect((await get('/api/auth/me', cookie)).json().account.mustChangePassword).toBe(false);
    }
  });

  it('never lets one account hold security and audit administration', async () => {
    const security = await t.createAccount({ systemRoles: ['security_admin'] });
    const auditor = await t.createAccount({ systemRoles: ['audit_admin'] });
    const cookie = await t.signIn(security);
    const grant = await post(`/api/accounts/${auditor.id}/roles`, { kind: 'system', role: 'security_admin' }, cookie);
    expect(grant.statusCode).toBe(409);
    expect(grant.json().error.code).toBe('separation_of_duties');
    const create = await post('/api/accounts', { username: `both${Date.now()}`, displayName: '双重', systemRoles: ['security_admin', 'audit_admin'] }, cookie);
    expect(create.statusCode).toBe(400);
    // The database refuses it too, whatever the caller.
    await expect(
      t.sql('UPDATE accounts SET is_security_admin = true WHERE id = $1', [auditor.id]),
    ).rejects.toThrow(/accounts_separation_of_duties/);
    // Nobody grants roles to themselves.
    const self = await post(`/api/accounts/${security.id}/roles`, { kind: 'body', bodyId: 'x', role: 'viewer' }, cookie);
    expect(self.json().error.code).toBe('self_administration_forbidden');
  });

  it('names the body of each body grant of an account', async () => {
    const app = await t.app();
    const body = await publishTestBody(t);
    const cookie = await t.signIn(await t.createAccount({ systemRoles: ['security_admin'] }));
    const target = await t.createAccount();
    const granted = await app.inject({
      method: 'POST',
      url: `/api/accounts/${target.id}/roles`,
      payload: { kind: 'body', bodyId: body.id, role: 'office_staff' },
      headers: { cookie },
    });
    expect(granted.statusCode, granted.body).toBe(200);
    const read = await app.inject({ method: 'GET', url: `/api/accounts/${target.id}`, headers: { cookie } });
    expect(read.json().bodyGrants).toEqual([expect.objectContaining({ bodyId: body.id, bodyName: body.name, role: 'office_staff' })]);
  });

  it('creates an account with a one-time password the new user must change', async () => {
    const security = await t.createAccount({ systemRoles: ['security_admin'] });
    const cookie = await t.signIn(security);
    const username = `new${Date.now().toString(36)}`;
    const created = await post('/api/accounts', { username, displayName: '新同事' }, cookie);
    expect(created.statusCode).toBe(201);
    const { oneTimePassword, account } = created.json();
    expect(account.mustChangePassword).toBe(true);
    const own = await signIn(await t.app(), { username, password: oneTimePassword });
    expect((await get('/api/auth/me', own)).json().account.mustChangePassword).toBe(true);
    const dup = await post('/api/accounts', { username, displayName: '重复' }, cookie);
    expect(dup.json().error).toMatchObject({ code: 'username_taken', field: 'username' });
  });

  it('refuses a disabled account and ends its sessions', async () => {
    const security = await t.createAccount({ systemRoles: ['security_admin'] });
    const account = await t.createAccount();
    const own = await t.signIn(account);
    const cookie = await t.signIn(security);
    expect((await post(`/api/accounts/${account.id}/disable`, {}, cookie)).json().disabled).toBe(true);
    expect((await get('/api/auth/me', own)).statusCode).toBe(401);
    const again = await post('/api/auth/sign-in', { username: account.username, password: account.password });
    expect(again.json().error.code).toBe('account_disabled');
    await post(`/api/accounts/${account.id}/enable`, {}, cookie);
    expect((await post('/api/auth/sign-in', { username: account.username, password: account.password })).statusCode).toBe(200);
  });
});
