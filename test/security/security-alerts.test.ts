/**
 * Issue 17 point 7 (b, c): the security sweep verifies the audit chain once per interval and raises
 * one alert for a broken chain; it raises one alert each for a lockout, an administrator's action at
 * night (Asia/Shanghai) and ≥ 20 refusals from one account within an hour, however often it runs;
 * the audit administrator lists and acknowledges alerts (the security administrator may read).
 */
import { expect, it } from 'vitest';
import { shanghaiNight, sweepSecurity } from '../../src/services/security-alert-service.ts';
import { describeDatabases } from '../integration/harness.ts';
import type { TestContext } from '../integration/harness.ts';

type AlertRow = { id: string; kind: string; window_key: string; detail: Record<string, unknown>; acknowledged_by: string | null };

async function alerts(t: TestContext, kind: string): Promise<AlertRow[]> {
  return t.sql<AlertRow>('SELECT id::text AS id, kind, window_key, detail, acknowledged_by FROM security_alerts WHERE kind = $1 ORDER BY id', [kind]);
}

/** Moves the test clock forward to the next instant whose UTC hour is `hour`. */
function advanceToUtcHour(t: TestContext, hour: number): void {
  const now = t.clock.now();
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour, 30));
  if (next.getTime() <= now.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  t.clock.set(next);
}

const sweep = (t: TestContext) => sweepSecurity({ db: t.db, clock: t.clock, verifyIntervalSeconds: 3600 });

it('places instants in the Shanghai night (22:00–06:00, UTC+8)', () => {
  expect(shanghaiNight(new Date('2026-03-01T13:59:00Z'))).toBeNull(); // 21:59
  expect(shanghaiNight(new Date('2026-03-01T14:00:00Z'))).toBe('2026-03-01'); // 22:00
  expect(shanghaiNight(new Date('2026-03-01T21:59:00Z'))).toBe('2026-03-01'); // 05:59 on 03-02
  expect(shanghaiNight(new Date('2026-03-01T22:00:00Z'))).toBeNull(); // 06:00
});

describeDatabases('security: security-event alerts', (t) => {
  it('raises one alert for a lockout, however often the sweep runs', async () => {
    advanceToUtcHour(t, 4); // 12:30 in Shanghai
    const app = await t.app();
    const account = await t.createAccount();
    for (let i = 0; i < 5; i++) {
      await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: account.username, password: 'Wrong-pass-123' } });
    }
    await sweep(t);
    await sweep(t);
    const locked = (await alerts(t, 'account_locked')).filter((row) => row.detail.accountId === account.id);
    expect(locked).toHaveLength(1);
  });

  it('raises one alert for 20 refusals within an hour from one account, none for 19', async () => {
    advanceToUtcHour(t, 5);
    const app = await t.app();
    const noisy = await t.createAccount();
    const quiet = await t.createAccount();
    const noisyCookie = await t.signIn(noisy);
    const quietCookie = await t.signIn(quiet);
    for (let i = 0; i < 19; i++) {
      t.clock.advance(60_000);
      await app.inject({ method: 'GET', url: '/api/audit', headers: { cookie: quietCookie } });
      await app.inject({ method: 'GET', url: '/api/audit', headers: { cookie: noisyCookie } });
    }
    await sweep(t);
    expect((await alerts(t, 'many_refusals')).filter((row) => row.detail.accountId === noisy.id)).toHaveLength(0);
    t.clock.advance(60_000);
    await app.inject({ method: 'GET', url: '/api/audit', headers: { cookie: noisyCookie } });
    await sweep(t);
    await sweep(t);
    const raised = await alerts(t, 'many_refusals');
    expect(raised.filter((row) => row.detail.accountId === noisy.id).map((row) => row.detail.refusals)).toEqual([20]);
    expect(raised.filter((row) => row.detail.accountId === quiet.id)).toHaveLength(0);
  });

  it('raises one alert per night for an administrator acting at night, none by day', async () => {
    advanceToUtcHour(t, 6); // 14:30 in Shanghai
    const app = await t.app();
    const auditor = await t.createAccount({ systemRoles: ['audit_admin'] });
    const cookie = await t.signIn(auditor);
    expect((await app.inject({ method: 'GET', url: '/api/audit?limit=1', headers: { cookie } })).statusCode).toBe(200);
    await sweep(t);
    const mine = async () => (await alerts(t, 'admin_action_at_night')).filter((row) => row.detail.accountId === auditor.id);
    expect(await mine()).toHaveLength(0);
    advanceToUtcHour(t, 15); // 23:30 in Shanghai
    const nightCookie = await t.signIn(auditor);
    for (let i = 0; i < 3; i++) {
      expect((await app.inject({ method: 'GET', url: '/api/audit?limit=1', headers: { cookie: nightCookie } })).statusCode).toBe(200);
    }
    await sweep(t);
    await sweep(t);
    expect((await mine()).map((row) => row.detail.night)).toHaveLength(1);
  });

  it('lets the audit administrator list and acknowledge alerts once; the security administrator only reads', async () => {
    const app = await t.app();
    const auditor = await t.createAccount({ systemRoles: ['audit_admin'] });
    const secadmin = await t.createAccount({ systemRoles: ['security_admin'] });
    const auditorCookie = await t.signIn(auditor);
    const secCookie = await t.signIn(secadmin);
    const listed = await app.inject({ method: 'GET', url: '/api/security-alerts?open=true', headers: { cookie: secCookie } });
    expect(listed.statusCode).toBe(200);
    const items = listed.json<{ items: { id: string; kind: string; acknowledgedAt: string | null }[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    const first = items[0] as { id: string };
    const url = `/api/security-alerts/${first.id}/acknowledge`;
    expect((await app.inject({ method: 'POST', url, headers: { cookie: secCookie } })).statusCode).toBe(403);
    const done = await app.inject({ method: 'POST', url, headers: { cookie: auditorCookie } });
    expect(done.statusCode).toBe(200);
    expect(done.json<{ acknowledgedBy: string }>().acknowledgedBy).toBe(auditor.id);
    const again = await app.inject({ method: 'POST', url, headers: { cookie: auditorCookie } });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { code: string } }>().error.code).toBe('security_alert_already_acknowledged');
    expect((await app.inject({ method: 'POST', url: '/api/security-alerts/99999999/acknowledge', headers: { cookie: auditorCookie } })).statusCode).toBe(404);
    const open = (await app.inject({ method: 'GET', url: '/api/security-alerts?open=true', headers: { cookie: auditorCookie } })).json<{ items: { id: string }[] }>();
    expect(open.items.map((item) => item.id)).not.toContain(first.id);
    const [row] = await t.sql<{ actor_id: string }>("SELECT actor_id FROM audit_log WHERE action = 'security_alert.acknowledge' AND entity_id = $1", [first.id]);
    expect(row?.actor_id).toBe(auditor.id);
  });
});

describeDatabases('security: scheduled audit verification', (t) => {
  it('verifies once per interval and raises one alert for a broken chain over two sweeps', async () => {
    await t.createAccount();
    const first = await sweep(t);
    expect(first.verified).toEqual({ ok: true });
    expect((await sweep(t)).verified).toBeNull(); // same interval: already claimed
    expect(await alerts(t, 'audit_chain_broken')).toHaveLength(0);

    const [row] = await t.sql<{ seq: string }>("SELECT seq::text AS seq FROM audit_log WHERE action = 'account.create' ORDER BY seq DESC LIMIT 1");
    await t.tamper("UPDATE audit_log SET action = 'account.update' WHERE seq = $1", [row?.seq]);
    t.clock.advance(3_600_000);
    expect((await sweep(t)).verified).toEqual({ ok: false });
    t.clock.advance(3_600_000);
    expect((await sweep(t)).verified).toEqual({ ok: false });
    const broken = await alerts(t, 'audit_chain_broken');
    expect(broken).toHaveLength(1);
    expect((broken[0]?.detail.firstBreak as { seq: number }).seq).toBe(Number(row?.seq));
  });
});
