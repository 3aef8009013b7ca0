import { expect, it } from 'vitest';
import { recordAudit, verifyAudit } from '../../src/services/audit-service.ts';
import { describeDatabases, strongPassword } from './harness.ts';

interface AuditItem {
  seq: number;
  occurredAt: string;
  actorId: string | null;
  actorUsername: string | null;
  actorDisplayName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  clientAddress: string | null;
}

describeDatabases('audit trail', (t) => {
  const auditorCookie = async () => t.signIn(await t.createAccount({ systemRoles: ['audit_admin'] }));
  const readAudit = async (cookie: string, query: string): Promise<AuditItem[]> => {
    const res = await (await t.app()).inject({ method: 'GET', url: `/api/audit?${query}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    return res.json().items as AuditItem[];
  };

  it('records every sign-in, failure, lockout and account change with actor, time, request and address', async () => {
    const app = await t.app();
    const security = await t.createAccount({ systemRoles: ['security_admin'] });
    const cookie = await t.signIn(security);
    const created = await app.inject({
      method: 'POST',
      url: '/api/accounts',
      payload: { username: `aud${Date.now().toString(36)}`, displayName: '审计对象' },
      headers: { cookie, 'x-request-id': 'req-create-1' },
    });
    const accountId = created.json().account.id as string;
    const oneTime = created.json().oneTimePassword as string;
    for (let i = 0; i < 5; i++) {
      await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: created.json().account.username, password: `Bad-password-${i}` } });
    }
    await app.inject({ method: 'POST', url: `/api/accounts/${accountId}/unlock`, headers: { cookie } });
    const own = await t.signIn({ username: created.json().account.username, password: oneTime });
    await app.inject({ method: 'POST', url: '/api/auth/change-password', payload: { currentPassword: oneTime, newPassword: strongPassword() }, headers: { cookie: own } });
    await app.inject({ method: 'POST', url: `/api/accounts/${accountId}/roles`, payload: { kind: 'system', role: 'system_admin' }, headers: { cookie } });
    await app.inject({ method: 'POST', url: `/api/accounts/${accountId}/disable`, headers: { cookie } });

    const items = (await readAudit(await auditorCookie(), `entityId=${accountId}&limit=200`)).reverse();
    expect(items.map((i) => i.action)).toEqual([
      'account.create',
      'auth.sign_in_failed',
      'auth.sign_in_failed',
      'auth.sign_in_failed',
      'auth.sign_in_failed',
      'auth.sign_in_failed',
      'auth.lockout',
      'account.unlock',
      'account.password_changed',
      'account.grant_role',
      'account.disable',
    ]);
    const create = items[0] as AuditItem;
    expect(create).toMatchObject({ actorId: security.id, requestId: 'req-create-1', entityType: 'account', before: null });
    // The read model names the actor's account; a row without an actor names none.
    expect(create).toMatchObject({ actorUsername: security.username, actorDisplayName: security.row.displayName });
    expect(items[1]).toMatchObject({ action: 'auth.sign_in_failed', actorId: null, actorUsername: null, actorDisplayName: null });
    expect(create.clientAddress).toBeTruthy();
    expect(create.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(JSON.stringify(items)).not.toMatch(/argon2|passwordHash/);
    const grant = items.find((i) => i.action === 'account.grant_role') as AuditItem;
    expect(grant.before).toMatchObject({ systemRoles: [] });
    expect(grant.after).toMatchObject({ systemRoles: ['system_admin'] });
    const signIns = await readAudit(await auditorCookie(), `action=auth.sign_in&actorId=${accountId}`);
    expect(signIns).toHaveLength(1);
  });

  it('is readable only by the audit administrator', async () => {
    for (const roles of [[], ['system_admin'], ['security_admin']] as const) {
      const cookie = await t.signIn(await t.createAccount({ systemRoles: [...roles] }));
      for (const url of ['/api/audit', '/api/audit/verify']) {
        const res = await (await t.app()).inject({ method: 'GET', url, headers: { cookie } });
        expect(res.statusCode).toBe(403);
      }
    }
    const res = await (await t.app()).inject({ method: 'GET', url: '/api/audit' });
    expect(res.statusCode).toBe(401);
  });

  it('pages newest first with a cursor', async () => {
    const cookie = await auditorCookie();
    const app = await t.app();
    const first = (await app.inject({ method: 'GET', url: '/api/audit?limit=2', headers: { cookie } })).json();
    expect(first.items).toHaveLength(2);
    expect(first.items[0].seq).toBeGreaterThan(first.items[1].seq);
    const second = (await app.inject({ method: 'GET', url: `/api/audit?limit=2&cursor=${first.nextCursor}`, headers: { cookie } })).json();
    expect(second.items[0].seq).toBe(first.items[1].seq - 1);
    // Each read of the trail is itself audited (issue 19): one row more by the second page.
    expect(second.total).toBe(first.total + 1);
  });

  it('keeps one chain when transactions append concurrently', async () => {
    const app = await t.app();
    const accounts = await Promise.all([1, 2, 3, 4, 5, 6].map(() => t.createAccount()));
    await Promise.all(
      accounts.flatMap((a) => [
        app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: a.username, password: a.password } }),
        app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: a.username, password: 'Wrong-pass-123' } }),
      ]),
    );
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('rolls the audit row back with the change it records', async () => {
    const before = await verifyAudit(t.db);
    await expect(
      t.db.transaction(async (tx) => {
        await recordAudit(tx, {
          actorId: null,
          action: 'test.rolled_back',
          entityType: 'test',
          entityId: null,
          before: null,
          after: { x: 1 },
          requestId: null,
          clientAddress: null,
          at: new Date(),
        });
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    const after = await verifyAudit(t.db);
    expect(after.lastSeq).toBe(before.lastSeq);
    expect(after.ok).toBe(true);
  });

  // The tamper tests run last: they break the chain of this suite's database on purpose.
  it('catches an edited, an inserted and a deleted row, reporting the first broken link', async () => {
    const cookie = await auditorCookie();
    const app = await t.app();
    const intact = (await app.inject({ method: 'GET', url: '/api/audit/verify', headers: { cookie } })).json();
    expect(intact).toMatchObject({ ok: true, firstBreak: null });
    // Reading the trail through the API is itself audited (a row per call): verify in-process from here.
    const verify = async () => verifyAudit(t.db);
    const last = (await verify()).lastSeq;
    expect(last).toBeGreaterThan(10);

    // 1. UPDATE: change what a row says.
    const [original] = await t.sql<{ after: string }>('SELECT after::text AS after FROM audit_log WHERE seq = 5');
    await t.tamper(`UPDATE audit_log SET after = jsonb_set(after, '{displayName}', '"篡改"') WHERE seq = 5`);
    await t.tamper(`UPDATE audit_log SET actor_id = 'mallory' WHERE seq = 5`);
    let result = await verify();
    expect(result).toMatchObject({ ok: false, checked: 4, firstBreak: { kind: 'hash_mismatch', seq: 5 } });
    await t.tamper('UPDATE audit_log SET after = $1::jsonb, actor_id = NULL WHERE seq = 5', [original?.after]);
    // Restoring the original bytes restores the chain (proves the check is exact, not a one-way flag).
    const [row5] = await t.sql<{ actor_id: string | null }>('SELECT actor_id FROM audit_log WHERE seq = 5');
    expect(row5?.actor_id).toBeNull();
    expect((await verify()).ok).toBe(true);

    // 2. INSERT: a forged row at the end, with a self-consistent hash.
    const [head] = await t.sql<{ last_hash: string }>('SELECT last_hash FROM audit_chain_head');
    await t.sql(
      `INSERT INTO audit_log (seq, occurred_at, actor_id, action, entity_type, entity_id, before, after, request_id, client_address, prev_hash, hash)
       VALUES ($1, now(), NULL, 'account.create', 'account', 'forged', NULL, '{}'::jsonb, NULL, NULL, $2, $3)`,
      [last + 1, head?.last_hash, 'a'.repeat(64)],
    );
    result = await verify();
    expect(result.ok).toBe(false);
    expect(result.firstBreak?.seq).toBe(last + 1);
    await t.tamper('DELETE FROM audit_log WHERE seq = $1', [last + 1]);
    expect((await verify()).ok).toBe(true);

    // An insert in the middle needs a free sequence number: move a row out of the way.
    await t.tamper('UPDATE audit_log SET seq = seq + 1000000 WHERE seq = 7');
    await t.sql(
      `INSERT INTO audit_log (seq, occurred_at, actor_id, action, entity_type, entity_id, before, after, request_id, client_address, prev_hash, hash)
       SELECT 7, occurred_at, actor_id, 'account.disable', entity_type, entity_id, before, after, request_id, client_address, prev_hash, hash
         FROM audit_log WHERE seq = 1000007`,
    );
    result = await verify();
    expect(result).toMatchObject({ ok: false, firstBreak: { seq: 7 } });
    await t.tamper('DELETE FROM audit_log WHERE seq = 7');
    await t.tamper('UPDATE audit_log SET seq = 7 WHERE seq = 1000007');
    expect((await verify()).ok).toBe(true);

    // 3. DELETE: a row in the middle, then the last row.
    await t.tamper('DELETE FROM audit_log WHERE seq = 9');
    result = await verify();
    expect(result).toMatchObject({ ok: false, checked: 8, firstBreak: { kind: 'sequence_gap', seq: 10, expectedSeq: 9 } });
    expect(result.firstBreak?.message).toContain('第 9');
  });

  it('reports only the first of several breaks', async () => {
    await t.tamper('DELETE FROM audit_log WHERE seq = 3');
    const result = await verifyAudit(t.db);
    expect(result.firstBreak).toMatchObject({ kind: 'sequence_gap', expectedSeq: 3 });
  });
});

describeDatabases('audit trail tail', (t) => {
  it('catches the deletion of the newest rows', async () => {
    await t.createAccount();
    await t.createAccount();
    const intact = await verifyAudit(t.db);
    expect(intact.ok).toBe(true);
    await t.tamper('DELETE FROM audit_log WHERE seq = $1', [intact.lastSeq]);
    const result = await verifyAudit(t.db);
    expect(result).toMatchObject({ ok: false, firstBreak: { kind: 'head_mismatch', seq: intact.lastSeq } });
  });
});
