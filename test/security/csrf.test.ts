/**
 * Issue 17 point 6: state-changing requests are refused unless they come from the application's own
 * origin (or a configured one), and carry JSON or nothing; each refusal is audited.
 */
import { describe, expect, it } from 'vitest';
import { crossSiteProblem } from '../../src/server/security-hooks.ts';
import { describeDatabases } from '../integration/harness.ts';

describe('cross-site check (pure)', () => {
  it('follows Sec-Fetch-Site, then Origin, and lets clients without either through', () => {
    expect(crossSiteProblem({ 'sec-fetch-site': 'same-origin' }, 'lianxi.local', [])).toBeNull();
    expect(crossSiteProblem({ 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }, 'lianxi.local', [])).toBe('cross_site');
    expect(crossSiteProblem({ 'sec-fetch-site': 'same-site', origin: 'https://a.lianxi.local' }, 'lianxi.local', [])).toBe('cross_site');
    expect(crossSiteProblem({ 'sec-fetch-site': 'cross-site', origin: 'https://oa.example.gov.cn' }, 'lianxi.local', ['https://oa.example.gov.cn'])).toBeNull();
    expect(crossSiteProblem({ origin: 'https://lianxi.local' }, 'lianxi.local', [])).toBeNull();
    expect(crossSiteProblem({ origin: 'https://lianxi.local:8443' }, 'lianxi.local', [])).toBe('origin_not_allowed');
    expect(crossSiteProblem({ origin: 'null' }, 'lianxi.local', [])).toBe('origin_not_allowed');
    expect(crossSiteProblem({}, 'lianxi.local', [])).toBeNull();
  });
});

describeDatabases('security: cross-site requests', (t) => {
  it('refuses a cross-site or text/plain state change before it acts, and audits it', async () => {
    const app = await t.app();
    const security = await t.createAccount({ systemRoles: ['security_admin'] });
    const target = await t.createAccount();
    const cookie = await t.signIn(security);
    const disable = (headers: Record<string, string>, payload?: string) =>
      app.inject({ method: 'POST', url: `/api/accounts/${target.id}/disable`, headers: { cookie, ...headers }, ...(payload === undefined ? {} : { payload }) });

    const crossSite = await disable({ origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json<{ error: { code: string } }>().error.code).toBe('cross_site_request');
    const foreignOrigin = await disable({ origin: 'https://evil.example' });
    expect(foreignOrigin.statusCode).toBe(403);
    // The bodyless text/plain POST of the assessor, from the same host: refused as not JSON.
    const textPlain = await disable({ 'content-type': 'text/plain' }, '');
    expect(textPlain.statusCode).toBe(415);
    const form = await disable({ 'content-type': 'application/x-www-form-urlencoded' }, 'a=1');
    expect(form.statusCode).toBe(415);
    const [row] = await t.sql<{ disabled: boolean }>('SELECT disabled FROM accounts WHERE id = $1', [target.id]);
    expect(row?.disabled).toBe(false);
    const refusals = await t.sql<{ actor_id: string }>("SELECT actor_id FROM audit_log WHERE action = 'access.refused' AND entity_id = $1", [`POST /api/accounts/${target.id}/disable`]);
    expect(refusals.map((r) => r.actor_id)).toEqual([security.id, security.id]);

    // The application's own page: Sec-Fetch-Site same-origin, or its own Origin, or no browser at all.
    const own = await disable({ origin: 'http://localhost:80', 'sec-fetch-site': 'same-origin' });
    expect(own.statusCode, own.body).toBe(200);
    const enable = await app.inject({ method: 'POST', url: `/api/accounts/${target.id}/enable`, headers: { cookie, host: 'lianxi.local', origin: 'https://lianxi.local' } });
    expect(enable.statusCode, enable.body).toBe(200);
    const json = await app.inject({ method: 'POST', url: `/api/accounts/${target.id}/unlock`, headers: { cookie, 'content-type': 'application/json; charset=utf-8' }, payload: '{}' });
    expect(json.statusCode, json.body).toBe(200);
  });

  it('refuses a cross-site sign-in (login CSRF)', async () => {
    const app = await t.app();
    const account = await t.createAccount();
    const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { origin: 'https://evil.example' }, payload: { username: account.username, password: account.password } });
    expect(res.statusCode).toBe(403);
    expect(res.headers['set-cookie']).toBeUndefined();
  });
});
