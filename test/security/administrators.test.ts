/**
 * Issue 19 points 4 and 5: a new or re-enabled administrator account needs its own duty to activate
 * it (the security administrator cannot mint an audit administrator); no administrator sets another
 * administrator's password; a calendar feed token ends with its account's disablement, password
 * reset and role loss.
 */
import { expect, it } from 'vitest';
import { describeDatabases, strongPassword, uniqueSuffix } from '../integration/harness.ts';
import type { TestAccount } from '../integration/harness.ts';

describeDatabases('security: administrators and feed tokens', (t) => {
  it('keeps an audit administrator created by the security administrator inactive until an audit administrator activates it', async () => {
    const app = await t.app();
    const security = await t.createAccount({ systemRoles: ['security_admin'] });
    const auditor = await t.createAccount({ systemRoles: ['audit_admin'] });
    const securityCookie = await t.signIn(security);
    const username = `aud${uniqueSuffix()}`;
    const password = strongPassword();
    const created = await app.inject({
      method: 'POST',
      url: '/api/accounts',
      headers: { cookie: securityCookie },
      payload: { username, displayName: '新审计员', password, systemRoles: ['audit_admin'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<{ account: { id: string } }>().account.id;
    const signIn = () => app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });
    const refused = await signIn();
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('account_pending_activation');
    // The security administrator cannot activate it; the audit administrator can.
    const bySecurity = await app.inject({ method: 'POST', url: `/api/accounts/${id}/activate`, headers: { cookie: securityCookie } });
    expect(bySecurity.statusCode).toBe(403);
    expect(bySecurity.json<{ error: { code: string } }>().error.code).toBe('activation_forbidden');
    const byAuditor = await app.inject({ method: 'POST', url: `/api/accounts/${id}/activate`, headers: { cookie: await t.signIn(auditor) } });
    expect(byAuditor.statusCode, byAuditor.body).toBe(200);
    expect((await signIn()).statusCode).toBe(200);

    // Disabled and re-enabled by the security administrator: waits for its duty again.
    expect((await app.inject({ method: 'POST', url: `/api/accounts/${id}/disable`, headers: { cookie: securityCookie } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: `/api/accounts/${id}/enable`, headers: { cookie: securityCookie } })).statusCode).toBe(200);
    expect((await signIn()).json<{ error: { code: string } }>().error.code).toBe('account_pending_activation');
  });

  it('refuses to set another administrator’s password', async () => {
    const app = await t.app();
    const security = await t.createAccount({ systemRoles: ['security_admin'] });
    const auditor = await t.createAccount({ systemRoles: ['audit_admin'] });
    const res = await app.inject({ method: 'POST', url: `/api/accounts/${auditor.id}/reset-password`, headers: { cookie: await t.signIn(security) } });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('admin_password_reset_forbidden');
    expect((await t.signIn(auditor)).length).toBeGreaterThan(0);
  });

  async function feedOf(account: TestAccount): Promise<string> {
    const app = await t.app();
    const res = await app.inject({ method: 'POST', url: '/api/me/calendar-feed', headers: { cookie: await t.signIn(account) } });
    expect(res.statusCode, res.body).toBe(201);
    const feedPath = res.json<{ path: string }>().path;
    expect((await app.inject({ method: 'GET', url: feedPath })).statusCode).toBe(200);
    return feedPath;
  }

  it('ends the calendar feed token when the account is disabled, its password reset or a role taken away', async () => {
    const app = await t.app();
    const security = await t.createAccount({ systemRoles: ['security_admin'] });
    const cookie = await t.signIn(security);
    const feedStatus = async (feedPath: string) => (await app.inject({ method: 'GET', url: feedPath })).statusCode;

    const disabled = await t.createAccount();
    const disabledFeed = await feedOf(disabled);
    expect((await app.inject({ method: 'POST', url: `/api/accounts/${disabled.id}/disable`, headers: { cookie } })).statusCode).toBe(200);
    expect(await feedStatus(disabledFeed)).toBe(404);
    // Enabled again, the old token stays dead.
    await app.inject({ method: 'POST', url: `/api/accounts/${disabled.id}/enable`, headers: { cookie } });
    expect(await feedStatus(disabledFeed)).toBe(404);

    const reset = await t.createAccount();
    const resetFeed = await feedOf(reset);
    expect((await app.inject({ method: 'POST', url: `/api/accounts/${reset.id}/reset-password`, headers: { cookie } })).statusCode).toBe(200);
    expect(await feedStatus(resetFeed)).toBe(404);

    const system = await t.createAccount({ systemRoles: ['system_admin'] });
    const systemFeed = await feedOf(system);
    const revoke = await app.inject({ method: 'POST', url: `/api/accounts/${system.id}/roles/revoke`, headers: { cookie }, payload: { kind: 'system', role: 'system_admin' } });
    expect(revoke.statusCode, revoke.body).toBe(200);
    expect(await feedStatus(systemFeed)).toBe(404);
  });
});
