import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { describeDatabases } from './harness.ts';
import { foundingText, outsider } from './factories/bodies.ts';
import { decisionBody, issueDecisions, unitPerson } from './factories/decisions.ts';
import type { DecisionItemResponse, DecisionDetailResponse } from '../../src/contracts/decisions.ts';
import { SweepScheduler } from '../../src/services/sweep-scheduler.ts';
import { updateOutboundAllowList } from '../../src/services/outbound-allow-list.ts';
import { verifyWebhookSignature, WEBHOOK_SIGNATURE_HEADER } from '../../src/services/webhook-signature.ts';

interface ErrorBody {
  error: { code: string; field?: string; message: string };
}

const at = (iso: string) => new Date(`${iso}T09:00:00+08:00`);

describeDatabases('decisions', (t) => {
  it('assigns with deadlines on the working-day calendar and derives days left and overdue', async () => {
    const app = await t.app();
    t.clock.set(at('2025-03-03'));
    const body = await decisionBody(t);
    const [lead, co] = body.units;
    if (!lead || !co) throw new Error('units');
    const { decisionIds } = await issueDecisions(t, {
      bodyId: body.id,
      issuedOn: '2025-03-03',
      items: [
        { text: '研究制定实施方案', leadUnitId: lead.unitId, coUnitIds: [], deadline: { kind: 'working_days', days: 7 } },
        { text: '报送工作情况', leadUnitId: co.unitId, coUnitIds: [lead.unitId], deadline: { kind: 'date', date: '2025-03-20' } },
      ],
    });
    expect(decisionIds).toHaveLength(2);
    const list = async (query = '') => {
      // The clock moves by days: sign in again each time
      const cookie = await t.signIn(body.office.account);
      const res = await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/decisions${query}`, headers: { cookie } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: DecisionItemResponse[] }>().items;
    };
    t.clock.set(at('2025-03-10'));
    const first = (await list()).find((d) => d.id === decisionIds[0]);
    expect(first).toMatchObject({ deadline: '2025-03-12', status: 'assigned', overdue: false, workingDaysLeft: 2, workingDaysOverdue: null, deadlineProvisional: false });
    expect(first?.leadUnit.unitId).toBe(lead.unitId);

    t.clock.set(at('2025-03-12'));
    expect((await list()).find((d) => d.id === decisionIds[0])).toMatchObject({ overdue: false, workingDaysLeft: 0 });
    t.clock.set(at('2025-03-14'));
    const overdue = await list('?overdue=true');
    expect(overdue.map((d) => d.id)).toEqual([decisionIds[0]]);
    expect(overdue[0]).toMatchObject({ overdue: true, workingDaysOverdue: 2, workingDaysLeft: null });
    // Over the weekend the count stays in working days
    t.clock.set(at('2025-03-16'));
    expect((await list('?overdue=true'))[0]).toMatchObject({ workingDaysOverdue: 3 });
    // Filter by unit: the lead unit leads one and co-handles the other
    expect((await list(`?unitId=${lead.unitId}`)).map((d) => d.id).sort()).toEqual([...decisionIds].sort());
    expect((await list(`?unitId=${co.unitId}`)).map((d) => d.id)).toEqual([decisionIds[1]]);
    expect(await list('?status=closed')).toEqual([]);
    // Bad filter names the field
    const bad = await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/decisions?status=done`, headers: { cookie: await t.signIn(body.office.account) } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<ErrorBody>().error.field).toContain('status');
  });

  it('runs the workflow: progress (with attachment), completion by the lead unit, send back, close; refuses wrong steps', async () => {
    const app = await t.app();
    t.clock.set(at('2025-04-01'));
    const body = await decisionBody(t);
    const [lead, co, other] = body.units;
    if (!lead || !co || !other) throw new Error('units');
    const leadLiaison = await unitPerson(t, body, lead.unitId);
    const coLiaison = await unitPerson(t, body, co.unitId);
    const otherLiaison = await unitPerson(t, body, other.unitId);
    const { decisionIds } = await issueDecisions(t, {
      bodyId: body.id,
      issuedOn: '2025-04-01',
      items: [{ text: '完善协调机制', leadUnitId: lead.unitId, coUnitIds: [co.unitId], deadline: { kind: 'working_days', days: 10 } }],
    });
    const id = decisionIds[0] ?? '';
    const url = `/api/bodies/${body.id}/decisions/${id}`;
    const post = (path: string, cookie: string, payload: object) => app.inject({ method: 'POST', url: `${url}${path}`, headers: { cookie }, payload });

    // Closing before completion is reported is refused with a stable code
    const early = await post('/close', body.office.cookie, {});
    expect(early.statusCode).toBe(409);
    expect(early.json<ErrorBody>().error.code).toBe('decision_not_completion_reported');

    // The co-handling unit reports to the lead unit's item, with an attachment stored in the database
    const content = Buffer.from('%PDF-1.4 测试材料', 'utf8');
    const progress = await post('/progress-reports', coLiaison.cookie, {
      text: '已完成调研',
      attachments: [{ fileName: '调研报告.pdf', mediaType: 'application/pdf', contentBase64: content.toString('base64') }],
    });
    expect(progress.statusCode, progress.body).toBe(201);
    // A unit not assigned is refused
    const stranger = await post('/progress-reports', otherLiaison.cookie, { text: '无关' });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json<ErrorBody>().error.field).toBe('unitId');
    const strangerNamed = await post('/progress-reports', otherLiaison.cookie, { text: '无关', unitId: lead.unitId });
    expect(strangerNamed.statusCode).toBe(403);
    // Empty text names the field
    const empty = await post('/progress-reports', leadLiaison.cookie, { text: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<ErrorBody>().error.field).toContain('text');

    // Only the lead unit reports completion
    const coCompletion = await post('/completion', coLiaison.cookie, { text: '办结', unitId: co.unitId });
    expect(coCompletion.statusCode).toBe(403);
    expect(coCompletion.json<ErrorBody>().error.code).toBe('not_lead_unit');
    const completion = await post('/completion', leadLiaison.cookie, { text: '已办结，附佐证材料' });
    expect(completion.statusCode, completion.body).toBe(201);
    const again = await post('/completion', leadLiaison.cookie, { text: '再次办结' });
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().error.code).toBe('decision_not_in_progress');

    // A liaison may not close or send back
    expect((await post('/close', leadLiaison.cookie, {})).statusCode).toBe(403);
    const sentBack = await post('/send-back', body.office.cookie, { reason: '佐证材料不全' });
    expect(sentBack.statusCode, sentBack.body).toBe(200);
    expect((await post('/completion', leadLiaison.cookie, { text: '补充材料后办结' })).statusCode).toBe(201);
    const closed = await post('/close', body.office.cookie, { note: '同意销号' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await post('/progress-reports', leadLiaison.cookie, { text: '销号后' })).statusCode).toBe(409);

    const detail = await app.inject({ method: 'GET', url, headers: { cookie: leadLiaison.cookie } });
    expect(detail.statusCode, detail.body).toBe(200);
    const d = detail.json<DecisionDetailResponse>();
    expect(d.status).toBe('closed');
    expect(d.overdue).toBe(false);
    expect(d.progressReports.map((r) => [r.kind, r.unitId])).toEqual([
      ['progress', co.unitId],
      ['completion', lead.unitId],
      ['sent_back', null],
      ['completion', lead.unitId],
      ['closed', null],
    ]);
    expect(d.timeline.map((e) => e.kind)).toEqual(['assigned', 'progress', 'completion', 'sent_back', 'completion', 'closed']);
    const attachment = d.progressReports[0]?.attachments[0];
    expect(attachment).toMatchObject({ fileName: '调研报告.pdf', sizeBytes: content.length });
    const download = await app.inject({ method: 'GET', url: `${url}/attachments/${attachment?.id ?? ''}`, headers: { cookie: body.office.cookie } });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(content)).toBe(true);

    // Outsiders see nothing
    const out = await outsider(t);
    expect((await app.inject({ method: 'GET', url, headers: { cookie: out.cookie } })).statusCode).toBe(403);

    // Every step is audited
    const audit = await t.sql<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq`, [id]);
    expect(audit.map((a) => a.action)).toEqual([
      'decision.assign',
      'decision.report_progress',
      'decision.report_completion',
      'decision.send_back',
      'decision.report_completion',
      'decision.close',
    ]);
  });

  it('keeps the history of every deadline through extension requests', async () => {
    const app = await t.app();
    t.clock.set(at('2025-05-06'));
    const body = await decisionBody(t);
    const [lead] = body.units;
    if (!lead) throw new Error('units');
    const liaison = await unitPerson(t, body, lead.unitId);
    const { decisionIds } = await issueDecisions(t, {
      bodyId: body.id,
      issuedOn: '2025-05-06',
      items: [{ text: '开展专项检查', leadUnitId: lead.unitId, coUnitIds: [], deadline: { kind: 'date', date: '2025-05-20' } }],
    });
    const url = `/api/bodies/${body.id}/decisions/${decisionIds[0] ?? ''}`;
    const request = (payload: object) => {
      t.clock.advance(60_000);
      return app.inject({ method: 'POST', url: `${url}/extension-requests`, headers: { cookie: liaison.cookie }, payload });
    };
    const notLater = await request({ requestedDeadline: '2025-05-19', reason: '工作量大' });
    expect(notLater.statusCode).toBe(400);
    expect(notLater.json<ErrorBody>().error.field).toBe('requestedDeadline');
    const first = await request({ requestedDeadline: '2025-05-30', reason: '需协调多个部门' });
    expect(first.statusCode, first.body).toBe(201);
    const pending = await request({ requestedDeadline: '2025-06-30', reason: '再延' });
    expect(pending.statusCode).toBe(409);
    expect(pending.json<ErrorBody>().error.code).toBe('extension_pending');
    const firstId = first.json<{ extensionRequestId: string }>().extensionRequestId;
    const decide = (extId: string, cookie: string, payload: object) => {
      t.clock.advance(60_000);
      return app.inject({ method: 'POST', url: `${url}/extension-requests/${extId}/decision`, headers: { cookie }, payload });
    };
    expect((await decide(firstId, liaison.cookie, { approve: true })).statusCode).toBe(403);
    expect((await decide(firstId, body.office.cookie, { approve: true, note: '同意' })).statusCode).toBe(200);
    const twice = await decide(firstId, body.office.cookie, { approve: false });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<ErrorBody>().error.code).toBe('extension_already_decided');
    const second = await request({ requestedDeadline: '2025-06-30', reason: '再次申请' });
    const secondId = second.json<{ extensionRequestId: string }>().extensionRequestId;
    expect((await decide(secondId, body.office.cookie, { approve: false, note: '不予延期' })).statusCode).toBe(200);

    const d = (await app.inject({ method: 'GET', url, headers: { cookie: body.office.cookie } })).json<DecisionDetailResponse>();
    expect(d.deadline).toBe('2025-05-30');
    expect(d.deadlines.map((x) => [x.deadline, x.basis.kind])).toEqual([
      ['2025-05-20', 'date'],
      ['2025-05-30', 'extension'],
    ]);
    expect(d.extensionRequests.map((e) => [e.requestedDeadline, e.status])).toEqual([
      ['2025-05-30', 'approved'],
      ['2025-06-30', 'refused'],
    ]);
    expect(d.timeline.map((e) => e.kind)).toEqual(['assigned', 'extension_requested', 'deadline_set', 'extension_approved', 'extension_requested', 'extension_refused']);
  });

  it('flags a deadline resting on a year the calendar does not cover as provisional', async () => {
    const app = await t.app();
    t.clock.set(at('2025-06-03'));
    const body = await decisionBody(t);
    const [lead] = body.units;
    if (!lead) throw new Error('units');
    const { decisionIds } = await issueDecisions(t, {
      bodyId: body.id,
      issuedOn: '2025-06-03',
      items: [{ text: '远期规划', leadUnitId: lead.unitId, coUnitIds: [], deadline: { kind: 'date', date: '2040-01-10' } }],
    });
    const res = await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/decisions/${decisionIds[0] ?? ''}`, headers: { cookie: body.office.cookie } });
    const d = res.json<DecisionDetailResponse>();
    expect(d.deadlineProvisional).toBe(true);
    expect(d.deadlineProvisionalReasons.length).toBeGreaterThan(0);
    expect(d.deadlines[0]?.provisional).toBe(true);
    expect(d.standingProvisional).toBe(true);
  });

  it('refuses a charter default when the charter states no handling deadline, and units outside the body', async () => {
    t.clock.set(at('2025-06-03'));
    const body = await decisionBody(t);
    const [lead] = body.units;
    if (!lead) throw new Error('units');
    await expect(
      issueDecisions(t, { bodyId: body.id, issuedOn: '2025-06-03', items: [{ text: '事项', leadUnitId: lead.unitId, coUnitIds: [], deadline: { kind: 'charter_default' } }] }),
    ).rejects.toMatchObject({ code: 'no_handling_deadline_rule', status: 409 });
    const elsewhere = await decisionBody(t, { text: foundingText({ units: ['省卫生健康委', '省民政厅', '省人力资源社会保障厅'] }).text });
    await expect(
      issueDecisions(t, { bodyId: body.id, issuedOn: '2025-06-03', items: [{ text: '事项', leadUnitId: elsewhere.units[1]?.unitId ?? '', coUnitIds: [], deadline: { kind: 'working_days', days: 3 } }] }),
    ).rejects.toMatchObject({ code: 'lead_unit_not_member', field: 'items.0.leadUnitId' });
    // Nothing of the refused minutes was stored
    const rows = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM decisions WHERE body_id = $1`, [body.id]);
    expect(rows[0]?.n).toBe(0);
  });

  it('lists one unit’s open items across its bodies, only those the reader may see', async () => {
    const app = await t.app();
    t.clock.set(at('2025-07-01'));
    const a = await decisionBody(t);
    const b = await decisionBody(t);
    const unit = a.units[0];
    if (!unit || b.units[0]?.unitId !== unit.unitId) throw new Error('the same lead unit sits in both bodies');
    await issueDecisions(t, { bodyId: a.id, issuedOn: '2025-07-01', items: [{ text: 'A事项', leadUnitId: unit.unitId, coUnitIds: [], deadline: { kind: 'working_days', days: 5 } }] });
    await issueDecisions(t, { bodyId: b.id, issuedOn: '2025-07-01', items: [{ text: 'B事项', leadUnitId: b.units[1]?.unitId ?? '', coUnitIds: [unit.unitId], deadline: { kind: 'working_days', days: 5 } }] });
    const liaisonA = await unitPerson(t, a, unit.unitId);
    const res = await app.inject({ method: 'GET', url: `/api/units/${unit.unitId}/decisions`, headers: { cookie: liaisonA.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ items: DecisionItemResponse[] }>().items.map((d) => d.text)).toEqual(['A事项']);
    const officeB = await app.inject({ method: 'GET', url: `/api/units/${unit.unitId}/decisions`, headers: { cookie: b.office.cookie } });
    expect(officeB.json<{ items: DecisionItemResponse[] }>().items.map((d) => d.text)).toEqual(['B事项']);
  });

  it('sends reminders once per sweep key, fills the inbox, signs webhooks and lists failing deliveries', async () => {
    const app = await t.app();
    t.clock.set(at('2025-09-01'));
    const body = await decisionBody(t);
    const [lead] = body.units;
    if (!lead) throw new Error('units');
    const liaison = await unitPerson(t, body, lead.unitId);
    const member = await unitPerson(t, body, lead.unitId, 'member');

    // A webhook receiver on loopback that records what it gets
    const received: { body: string; signature: string }[] = [];
    let failNext = 0;
    const server = http.createServer((req, res) => {
      let data = '';
      req.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      req.on('end', () => {
        if (failNext > 0) {
          failNext -= 1;
          res.writeHead(500).end();
          return;
        }
        received.push({ body: data, signature: String(req.headers[WEBHOOK_SIGNATURE_HEADER] ?? '') });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      // The receiver is on loopback: the system administrator allow-lists it first
      await updateOutboundAllowList(t.db, { allowed: ['127.0.0.1'], origin: { actorId: null, requestId: null, clientAddress: 'test', at: t.clock.now() } });
      const settings = await app.inject({
        method: 'PATCH',
        url: `/api/bodies/${body.id}/notification-settings`,
        headers: { cookie: body.office.cookie },
        payload: { reminderDaysBefore: 2, webhookUrl: `http://127.0.0.1:${port}/hook`, webhookEnabled: true, rotateSecret: true },
      });
      expect(settings.statusCode, settings.body).toBe(200);
      const secret = settings.json<{ webhookSecret: string }>().webhookSecret;
      expect(secret).toMatch(/^whsec_/);
      expect((await app.inject({ method: 'PATCH', url: `/api/bodies/${body.id}/notification-settings`, headers: { cookie: liaison.cookie }, payload: { reminderDaysBefore: 5 } })).statusCode).toBe(403);

      const { decisionIds } = await issueDecisions(t, {
        bodyId: body.id,
        issuedOn: '2025-09-01',
        items: [{ text: '落实督办事项', leadUnitId: lead.unitId, coUnitIds: [], deadline: { kind: 'date', date: '2025-09-10' } }],
      });
      const sweeper = new SweepScheduler({ db: t.db, config: { smtp: null, sweep: { ...t.config.sweep, backoffSeconds: 1, maxAttempts: 2 } }, clock: t.clock, logger: { info() {}, warn() {}, error() {} } });

      // Assignment notification reaches the liaison's inbox and the webhook
      await sweeper.runOnce();
      const inbox = async (account: { username: string; password: string }) =>
        (await app.inject({ method: 'GET', url: '/api/me/inbox', headers: { cookie: await t.signIn(account) } })).json<{ unread: number; items: { id: string; event: string }[] }>();
      expect((await inbox(liaison.account)).items.map((i) => i.event)).toEqual(['decision.assigned']);
      expect(received).toHaveLength(1);
      const first = received[0];
      if (!first) throw new Error('webhook');
      expect(verifyWebhookSignature(secret, first.body, first.signature, Math.floor(t.clock.now().getTime() / 1000))).toBe(true);
      expect(verifyWebhookSignature(secret, first.body.replace('落实', '篡改'), first.signature, Math.floor(t.clock.now().getTime() / 1000))).toBe(false);
      expect(JSON.parse(first.body)).toMatchObject({ event: 'decision.assigned', bodyId: body.id, data: { decisionId: decisionIds[0] } });

      // Two working days before 2025-09-10 is 2025-09-08: nothing on the 5th, a reminder on the 8th, once
      const sends = async () => (await t.sql<{ kind: string }>(`SELECT kind FROM reminder_sends WHERE decision_id = $1 ORDER BY sent_at`, [decisionIds[0]])).map((r) => r.kind);
      t.clock.set(at('2025-09-05'));
      await sweeper.runOnce();
      expect(await sends()).toEqual([]);
      t.clock.set(at('2025-09-08'));
      await sweeper.runOnce();
      expect(await sends()).toEqual(['before']);
      await sweeper.runOnce();
      expect(await sends()).toEqual(['before']);
      t.clock.set(at('2025-09-10'));
      await sweeper.runOnce();
      // Overdue goes to the lead unit and the office; the webhook fails once and is retried
      failNext = 1;
      t.clock.set(at('2025-09-11'));
      await sweeper.runOnce();
      await sweeper.runOnce();
      expect((await inbox(liaison.account)).items.map((i) => i.event)).toEqual(['decision.reminder_overdue', 'decision.reminder_due', 'decision.reminder_before', 'decision.assigned']);
      // The first overdue rung goes to the lead unit (its liaison) and the office; the member is raised to after 5 working days
      expect((await inbox(member.account)).items.map((i) => i.event)).toEqual([]);
      expect((await inbox(body.office.account)).items.map((i) => i.event)).toContain('decision.reminder_overdue');
      const officeCookie = await t.signIn(body.office.account);
      const failing = await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/failing-deliveries`, headers: { cookie: officeCookie } });
      expect(failing.statusCode, failing.body).toBe(200);
      const failingItems = failing.json<{ items: { id: number; kind: string; attempts: number; givenUp: boolean; lastError: string }[] }>().items;
      expect(failingItems).toHaveLength(1);
      expect(failingItems[0]).toMatchObject({ kind: 'webhook', attempts: 1, givenUp: false });
      expect(failingItems[0]?.lastError).toContain('500');
      // After the backoff it goes out
      t.clock.advance(5_000);
      await sweeper.runOnce();
      expect(received.map((r) => JSON.parse(r.body) as { event: string }).map((r) => r.event)).toEqual([
        'decision.assigned',
        'decision.reminder_before',
        'decision.reminder_due',
        'decision.reminder_overdue',
      ]);
      expect((await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/failing-deliveries`, headers: { cookie: officeCookie } })).json<{ items: unknown[] }>().items).toEqual([]);

      const detail = (await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/decisions/${decisionIds[0] ?? ''}`, headers: { cookie: officeCookie } })).json<DecisionDetailResponse>();
      expect(detail.reminders.map((r) => r.kind)).toEqual(['before', 'due', 'overdue']);

      // Mark read
      const mine = await inbox(liaison.account);
      expect(mine.unread).toBe(4);
      const read = await app.inject({ method: 'POST', url: '/api/me/inbox/read', headers: { cookie: await t.signIn(liaison.account) }, payload: { ids: [mine.items[0]?.id] } });
      expect(read.json<{ marked: number }>().marked).toBe(1);
      expect((await inbox(liaison.account)).unread).toBe(3);
      await sweeper.stop();
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('generates a status circular of every open item for all members', async () => {
    const app = await t.app();
    t.clock.set(at('2025-10-09'));
    const body = await decisionBody(t);
    const [lead, co] = body.units;
    if (!lead || !co) throw new Error('units');
    const none = await app.inject({ method: 'POST', url: `/api/bodies/${body.id}/circulars`, headers: { cookie: body.office.cookie } });
    expect(none.statusCode).toBe(409);
    await issueDecisions(t, {
      bodyId: body.id,
      issuedOn: '2025-10-09',
      items: [
        { text: '事项一', leadUnitId: lead.unitId, coUnitIds: [co.unitId], deadline: { kind: 'working_days', days: 2 } },
        { text: '事项二', leadUnitId: co.unitId, coUnitIds: [], deadline: { kind: 'working_days', days: 10 } },
      ],
    });
    const liaisonAccount = (await unitPerson(t, body, lead.unitId)).account;
    t.clock.set(at('2025-10-15'));
    const liaison = { cookie: await t.signIn(liaisonAccount) };
    const officeCookie = await t.signIn(body.office.account);
    expect((await app.inject({ method: 'POST', url: `/api/bodies/${body.id}/circulars`, headers: { cookie: liaison.cookie } })).statusCode).toBe(403);
    const created = await app.inject({ method: 'POST', url: `/api/bodies/${body.id}/circulars`, headers: { cookie: officeCookie } });
    expect(created.statusCode, created.body).toBe(201);
    const summary = created.json<{ id: string; year: number; number: number; openCount: number; overdueCount: number }>();
    expect(summary).toMatchObject({ year: 2025, number: 1, openCount: 2, overdueCount: 1 });
    const detail = await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/circulars/${summary.id}`, headers: { cookie: liaison.cookie } });
    expect(detail.statusCode, detail.body).toBe(200);
    const items = detail.json<{ bodyName: string; items: { text: string; overdue: boolean; workingDaysOverdue: number | null; workingDaysLeft: number | null; coUnitNames: string[]; minutesNumber: number | null }[] }>();
    expect(items.bodyName).toBe(body.name);
    // 2025-10-09 + 2 working days = 10-11, a Saturday worked to make up for the National Day holiday;
    // on 10-15 it is 3 working days overdue (10-11, 10-13, 10-14). 10 working days end on 10-22: 5 left.
    expect(items.items.map((i) => [i.text, i.overdue, i.workingDaysOverdue ?? i.workingDaysLeft])).toEqual([
      ['事项一', true, 3],
      ['事项二', false, 5],
    ]);
    expect(items.items[0]?.coUnitNames).toEqual([co.name]);
    expect(items.items[0]?.minutesNumber).toBeGreaterThan(0);
  });
});
