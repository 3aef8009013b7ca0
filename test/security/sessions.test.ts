/**
 * Issue 17 point 9: session tokens are stored only as hashes; a concurrent-session limit per account
 * (off for users by default, one for administrators, set by the security administrator); the
 * session's expiry is told to the client before it happens.
 */
import { expect, it } from 'vitest';
import { hashSessionToken } from '../../src/services/auth-service.ts';
import { describeDatabases } from '../integration/harness.ts';

describeDatabases('security: sessions', (t) => {
  it('stores only the SM3 hash of the session token', async () => {
    const account = await t.createAccount();
    const cookie = await t.signIn(account);
    const token = decodeURIComponent(cookie.split('=')[1] ?? '');
    const rows = await t.sql<{ token_hash: string }>('SELECT token_hash FROM sessions WHERE account_id = $1', [account.id]);
    expect(rows.map((r) => r.token_hash)).toEqual([hashSessionToken(token)]);
    expect(rows[0]?.token_hash).not.toContain(token);
  });

  it('keeps one session of an administrator: a new sign-in ends the older one (audited); users keep several', async () => {
    const app = await t.app();
    const me = (cookie: string) => app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    const auditor = await t.createAccount({ systemRoles: ['audit_admin'] });
    const first = await t.signIn(auditor);
    const second = await t.signIn(auditor);
    expect((await me(first)).statusCode).toBe(401);
    expect((await me(second)).statusCode).toBe(200);
    const [row] = await t.sql<{ count: string }>("SELECT count(*)::text AS count FROM audit_log WHERE action = 'auth.sessions_superseded' AND entity_id = $1", [auditor.id]);
    expect(row?.count).toBe('1');

    const user = await t.createAccount();
    const a = await t.signIn(user);
    t.clock.advanceMinutes(1);
    const b = await t.signIn(user);
    expect((await me(a)).statusCode).toBe(200);
    expect((await me(b)).statusCode).toBe(200);

    // The security administrator limits users to two: a third sign-in ends the oldest.
    const security = await t.signIn(await t.createAccount({ systemRoles: ['security_admin'] }));
    const policy = (await app.inject({ method: 'GET', url: '/api/security-policy', headers: { cookie: security } })).json<{ sessions: { userLimit: number; adminLimit: number } }>();
    const put = await app.inject({ method: 'PUT', url: '/api/security-policy', headers: { cookie: security }, payload: { ...policy, sessions: { ...policy.sessions, userLimit: 2 } } });
    expect(put.statusCode, put.body).toBe(200);
    t.clock.advanceMinutes(1);
    const c = await t.signIn(user);
    expect((await me(a)).statusCode).toBe(401);
    expect((await me(b)).statusCode).toBe(200);
    expect((await me(c)).statusCode).toBe(200);
    await app.inject({ method: 'PUT', url: '/api/security-policy', headers: { cookie: security }, payload: policy });
  });

  it('tells the client when the session ends, idle and at the latest', async () => {
    const app = await t.app();
    const cookie = await t.signIn(await t.createAccount());
    const before = t.clock.now().getTime();
    const me = (await app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).json<{ session: { idleExpiresAt: string; absoluteExpiresAt: string; createdAt: string } }>();
    expect(Date.parse(me.session.idleExpiresAt) - before).toBe(30 * 60_000);
    expect(Date.parse(me.session.absoluteExpiresAt) - Date.parse(me.session.createdAt)).toBe(12 * 3_600_000);
  });
});
