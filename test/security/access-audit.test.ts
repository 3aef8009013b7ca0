/**
 * Issue 19 point 2: every refused request (401, 403) and every read of the audit trail, of a
 * meeting material (attachment) and of a ledger leaves an audit row with its result.
 */
import { expect, it } from 'vitest';
import { verifyAudit } from '../../src/services/audit-service.ts';
import { describeDatabases } from '../integration/harness.ts';
import { MeetingScenario } from '../integration/factories/meetings.ts';

type Row = {
  seq: string;
  action: string;
  actor_id: string | null;
  entity_type: string;
  entity_id: string | null;
  result: string;
  after: { status?: number } | null;
};

describeDatabases('security: refused requests and protected reads are audited', (t) => {
  async function rowsAfter(seq: number): Promise<Row[]> {
    return t.sql<Row>('SELECT seq::text AS seq, action, actor_id, entity_type, entity_id, result, after FROM audit_log WHERE seq > $1 ORDER BY seq', [seq]);
  }
  async function head(): Promise<number> {
    const [row] = await t.sql<{ last_seq: string }>('SELECT last_seq::text AS last_seq FROM audit_chain_head');
    return Number(row?.last_seq ?? 0);
  }

  it('writes a failure row for each 401 and 403, with the actor when known', async () => {
    const app = await t.app();
    const plain = await t.createAccount();
    const cookie = await t.signIn(plain);
    const start = await head();
    for (let i = 0; i < 5; i++) {
      expect((await app.inject({ method: 'GET', url: '/api/audit', headers: { cookie } })).statusCode).toBe(403);
      expect((await app.inject({ method: 'GET', url: '/api/accounts' })).statusCode).toBe(401);
    }
    const rows = await rowsAfter(start);
    const refused = rows.filter((row) => row.action === 'access.refused');
    expect(refused).toHaveLength(10);
    expect(refused.every((row) => row.result === 'failure')).toBe(true);
    expect(refused.filter((row) => row.actor_id === plain.id).map((row) => row.after?.status)).toEqual([403, 403, 403, 403, 403]);
    expect(refused.filter((row) => row.actor_id === null).map((row) => row.entity_id)).toContain('GET /api/accounts');
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('records a wrong password as a failure', async () => {
    const app = await t.app();
    const account = await t.createAccount();
    const start = await head();
    await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: account.username, password: 'Wrong-pass-123' } });
    const rows = await rowsAfter(start);
    expect(rows.map((row) => [row.action, row.result])).toEqual([['auth.sign_in_failed', 'failure']]);
  });

  it('writes a success row for each read of the audit trail', async () => {
    const app = await t.app();
    const auditor = await t.createAccount({ systemRoles: ['audit_admin'] });
    const cookie = await t.signIn(auditor);
    const start = await head();
    expect((await app.inject({ method: 'GET', url: '/api/audit?limit=5', headers: { cookie } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/audit/verify', headers: { cookie } })).statusCode).toBe(200);
    const rows = await rowsAfter(start);
    expect(rows.map((row) => [row.action, row.actor_id, row.result])).toEqual([
      ['audit.read', auditor.id, 'success'],
      ['audit.verify', auditor.id, 'success'],
    ]);
    const listed = (await app.inject({ method: 'GET', url: '/api/audit?limit=1&result=failure', headers: { cookie } })).json<{ items: { result: string }[] }>();
    expect(listed.items.every((item) => item.result === 'failure')).toBe(true);
  });

  it('writes a row for each attachment (material) download and ledger download', async () => {
    const s = await MeetingScenario.publish(t, { now: t.clock.now() });
    const meeting = await s.createMeeting({ kind: 'plenary', title: '全体会议', startsAt: new Date(t.clock.now().getTime() + 10 * 86_400_000).toISOString() });
    const item = await s.proposeItem(s.office, meeting.id, { title: '议题一' });
    await s.decideItem(s.office, meeting.id, item.id, true);
    const material = await s.call<{ id: string }>(s.office, 'POST', s.meetingUrl(meeting.id, `/agenda-items/${item.id}/materials`), { name: 'a.txt', contentType: 'text/plain', text: '材料' }, 201);
    const start = await head();
    const download = await s.request(s.office, 'GET', s.meetingUrl(meeting.id, `/materials/${material.id}/content`));
    expect(download.statusCode).toBe(200);
    const ledger = await s.request(s.office, 'GET', `${s.base}/ledger-document`);
    expect(ledger.statusCode).toBe(200);
    const rows = await rowsAfter(start);
    expect(rows.map((row) => [row.action, row.entity_id, row.actor_id, row.result])).toEqual([
      ['material.download', material.id, s.office.account.id, 'success'],
      ['ledger.download', s.base.split('/')[3], s.office.account.id, 'success'],
    ]);
  });
});
