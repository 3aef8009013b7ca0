/**
 * Escalating supervision (督办), meeting frequency and the handover of a dissolving body's items,
 * through HTTP and the sweeps, on both databases: each rung of the ladder fires once however often
 * the sweep runs (and however many instances run it), the convener is reached, the circular lists
 * the item; a body past its sunset keeps its lead units reading, the office hands over, reminders stop.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SweepScheduler } from '../../src/services/sweep-scheduler.ts';
import { sweepEscalations } from '../../src/services/supervision/escalation-sweep.ts';
import { describeDatabases, secondDatabase } from './harness.ts';
import type { TestContext } from './harness.ts';
import { foundingText, personUser } from './factories/bodies.ts';
import { decisionBody, issueDecisions, unitPerson } from './factories/decisions.ts';
import type { DecisionBody } from './factories/decisions.ts';

const at = (iso: string) => new Date(`${iso}T09:00:00+08:00`);
const quiet = { info() {}, warn() {}, error() {} };

/** A signed-in person holding a body-wide role (convener, deputy convener). */
async function bodyWidePerson(t: TestContext, body: DecisionBody, roleKind: 'convener' | 'deputy_convener') {
  const app = await t.app();
  const response = await app.inject({
    method: 'POST',
    url: `/api/bodies/${body.id}/memberships`,
    headers: { cookie: body.office.cookie },
    payload: { roleKind, title: roleKind === 'convener' ? '召集人' : '副召集人', unitId: null, personName: `测试${roleKind}${randomUUID().slice(0, 6)}`, validFrom: '2020-01-01' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return personUser(t, response.json<{ personId: string }>().personId);
}

async function outboxEvents(t: TestContext, decisionId: string): Promise<string[]> {
  const rows = await t.sql<{ event: string }>(
    `SELECT payload->>'event' AS event FROM outbox WHERE kind = 'notification' AND payload->'data'->>'decisionId' = $1 ORDER BY id`,
    [decisionId],
  );
  return rows.map((r) => r.event);
}

async function inboxEvents(t: TestContext, account: { username: string; password: string }): Promise<string[]> {
  const app = await t.app();
  const response = await app.inject({ method: 'GET', url: '/api/me/inbox', headers: { cookie: await t.signIn(account) } });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ items: { event: string }[] }>().items.map((i) => i.event);
}

describeDatabases('supervision', (t) => {
  describe('the escalation ladder', () => {
    it('fires each rung once however often the sweep runs, reaching the member, then the convener and the circular', async () => {
      t.clock.set(at('2025-09-01'));
      const body = await decisionBody(t);
      const [lead] = body.units;
      if (!lead) throw new Error('units');
      const liaison = await unitPerson(t, body, lead.unitId, 'liaison');
      const member = await unitPerson(t, body, lead.unitId, 'member');
      const convener = await bodyWidePerson(t, body, 'convener');
      const deputy = await bodyWidePerson(t, body, 'deputy_convener');
      const app = await t.app();
      const { decisionIds } = await issueDecisions(t, {
        bodyId: body.id,
        issuedOn: '2025-09-01',
        items: [{ text: '逐级督办的事项', leadUnitId: lead.unitId, coUnitIds: [], deadline: { kind: 'date', date: '2025-09-10' } }],
      });
      const decisionId = decisionIds[0] ?? '';
      const sweeper = new SweepScheduler({ db: t.db, config: { smtp: null, sweep: t.config.sweep }, clock: t.clock, logger: quiet });
      const rungOf = async () => {
        // The clock jumps days: sign in again each time
        const response = await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/supervision/rungs`, headers: { cookie: await t.signIn(liaison.account) } });
        expect(response.statusCode, response.body).toBe(200);
        return response.json<{ items: { decisionId: string; rung: string }[] }>().items.find((i) => i.decisionId === decisionId)?.rung;
      };
      try {
        // Each day: the rung it stands on, swept twice, one message
        const ladder: [string, string][] = [
          ['2025-09-03', 'none'],
          ['2025-09-05', 'before'],
          ['2025-09-10', 'due'],
          ['2025-09-11', 'overdue'],
          ['2025-09-17', 'overdue_member'],
          ['2025-09-24', 'overdue_convener'],
        ];
        for (const [day, rung] of ladder) {
          t.clock.set(at(day));
          await sweeper.runOnce();
          await sweeper.runOnce();
          expect(await rungOf(), day).toBe(rung);
          const reminders = (await outboxEvents(t, decisionId)).filter((e) => e.startsWith('decision.reminder_'));
          if (rung !== 'none') expect(reminders.filter((e) => e === `decision.reminder_${rung}`), day).toHaveLength(1);
        }
        // 23 working days overdue: still one message per rung
        t.clock.set(at('2025-10-20'));
        await sweeper.runOnce();
        await sweeper.runOnce();
        expect((await outboxEvents(t, decisionId)).filter((e) => e.startsWith('decision.reminder_'))).toEqual([
          'decision.reminder_before',
          'decision.reminder_due',
          'decision.reminder_overdue',
          'decision.reminder_overdue_member',
          'decision.reminder_overdue_convener',
        ]);
      } finally {
        await sweeper.stop();
      }
      // Who got what
      expect(await inboxEvents(t, liaison.account)).toEqual(expect.arrayContaining(['decision.reminder_overdue', 'decision.reminder_overdue_member', 'decision.reminder_overdue_convener']));
      expect((await inboxEvents(t, member.account)).filter((e) => e.startsWith('decision.reminder_'))).toEqual(['decision.reminder_overdue_convener', 'decision.reminder_overdue_member']);
      expect((await inboxEvents(t, convener.account)).filter((e) => e.startsWith('decision.reminder_'))).toEqual(['decision.reminder_overdue_convener']);
      expect((await inboxEvents(t, deputy.account)).filter((e) => e.startsWith('decision.reminder_'))).toEqual(['decision.reminder_overdue_convener']);
      expect(await inboxEvents(t, body.office.account)).toEqual(expect.arrayContaining(['decision.reminder_overdue', 'decision.reminder_overdue_member', 'decision.reminder_overdue_convener']));
      expect(await t.sql<{ rung: string }>('SELECT rung FROM escalation_sends WHERE decision_id = $1 ORDER BY sent_at', [decisionId])).toEqual([{ rung: 'overdue_member' }, { rung: 'overdue_convener' }]);

      // The office's dashboard: items by rung (the convener reads it too; a liaison does not)
      const officeCookie = await t.signIn(body.office.account);
      // Every decided item carries its rung
      const listed = await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/decisions`, headers: { cookie: officeCookie } });
      expect(listed.json<{ items: { id: string; escalationRung: string }[] }>().items.find((i) => i.id === decisionId)?.escalationRung).toBe('overdue_convener');
      const one = await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/decisions/${decisionId}`, headers: { cookie: officeCookie } });
      expect(one.json<{ escalationRung: string }>().escalationRung).toBe('overdue_convener');
      const dashboard = await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/supervision/dashboard`, headers: { cookie: officeCookie } });
      expect(dashboard.statusCode, dashboard.body).toBe(200);
      expect(dashboard.json<{ counts: Record<string, number> }>().counts).toMatchObject({ overdue_convener: 1, overdue_member: 0, overdue: 0 });
      expect((await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/supervision/dashboard`, headers: { cookie: await t.signIn(convener.account) } })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/supervision/dashboard`, headers: { cookie: await t.signIn(liaison.account) } })).statusCode).toBe(403);

      // The next circular lists it in its 通报 list
      const circular = await app.inject({ method: 'POST', url: `/api/bodies/${body.id}/circulars`, headers: { cookie: officeCookie } });
      expect(circular.statusCode, circular.body).toBe(201);
      expect(circular.json<{ escalatedCount: number }>().escalatedCount).toBe(1);
      const circularId = circular.json<{ id: string }>().id;
      const detail = await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/circulars/${circularId}`, headers: { cookie: officeCookie } });
      if (detail.statusCode === 200) expect(detail.json<{ items: { decisionId: string; rung?: string }[] }>().items.find((i) => i.decisionId === decisionId)?.rung).toBe('overdue_convener');
    });

    it('follows the ladder the office sets, and refuses one that cannot be climbed', async () => {
      t.clock.set(at('2025-09-01'));
      const body = await decisionBody(t);
      const [lead] = body.units;
      if (!lead) throw new Error('units');
      const liaison = await unitPerson(t, body, lead.unitId, 'liaison');
      const app = await t.app();
      const url = `/api/bodies/${body.id}/supervision/settings`;
      expect((await app.inject({ method: 'GET', url, headers: { cookie: body.office.cookie } })).json()).toMatchObject({ memberAfterDays: 5, convenerAfterDays: 10, customized: false });
      const bad = await app.inject({ method: 'PATCH', url, headers: { cookie: body.office.cookie }, payload: { memberAfterDays: 4, convenerAfterDays: 3 } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<{ error: { code: string; field: string } }>().error).toMatchObject({ code: 'invalid_escalation_ladder', field: 'convenerAfterDays' });
      expect((await app.inject({ method: 'PATCH', url, headers: { cookie: liaison.cookie }, payload: { memberAfterDays: 2 } })).statusCode).toBe(403);
      const set = await app.inject({ method: 'PATCH', url, headers: { cookie: body.office.cookie }, payload: { memberAfterDays: 2, convenerAfterDays: 3 } });
      expect(set.statusCode, set.body).toBe(200);
      expect(set.json()).toMatchObject({ memberAfterDays: 2, convenerAfterDays: 3, customized: true });
      const audit = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'supervision_settings.update'`, [body.id]);
      expect(audit[0]?.n).toBe(1);

      const { decisionIds } = await issueDecisions(t, {
        bodyId: body.id,
        issuedOn: '2025-09-01',
        items: [{ text: '按本机构规则督办', leadUnitId: lead.unitId, coUnitIds: [], deadline: { kind: 'date', date: '2025-09-10' } }],
      });
      // 3 working days overdue: the convener's rung under this body's ladder
      t.clock.set(at('2025-09-15'));
      await sweepEscalations({ db: t.db, clock: t.clock });
      expect((await outboxEvents(t, decisionIds[0] ?? '')).filter((e) => e.startsWith('decision.reminder_'))).toEqual(['decision.reminder_overdue_convener']);
    });

    it('two instances sweeping at once send one message per rung and item', { timeout: 120_000 }, async () => {
      t.clock.set(at('2025-09-01'));
      const body = await decisionBody(t);
      const [lead] = body.units;
      if (!lead) throw new Error('units');
      await unitPerson(t, body, lead.unitId, 'liaison');
      const items = Array.from({ length: 30 }, (_, i) => ({ text: `并发督办事项${i + 1}`, leadUnitId: lead.unitId, coUnitIds: [], deadline: { kind: 'date' as const, date: '2025-09-10' } }));
      const { decisionIds } = await issueDecisions(t, { bodyId: body.id, issuedOn: '2025-09-01', items });
      const second = await secondDatabase(t);
      try {
        for (const [day, rung] of [
          ['2025-09-05', 'before'],
          ['2025-09-10', 'due'],
          ['2025-09-11', 'overdue'],
          ['2025-09-17', 'overdue_member'],
          ['2025-09-24', 'overdue_convener'],
        ] as const) {
          t.clock.set(at(day));
          // (on PGlite other tests' items share the database: count this body's messages below)
          const [a, b] = await Promise.all([sweepEscalations({ db: t.db, clock: t.clock }), sweepEscalations({ db: second.db, clock: t.clock })]);
          expect(a.enqueued + b.enqueued, day).toBeGreaterThanOrEqual(30);
          const [a2, b2] = await Promise.all([sweepEscalations({ db: t.db, clock: t.clock }), sweepEscalations({ db: second.db, clock: t.clock })]);
          expect(a2.enqueued + b2.enqueued, day).toBe(0);
          const rows = await t.sql<{ n: number }>(
            `SELECT count(*)::int AS n FROM outbox WHERE kind = 'notification' AND payload->>'event' = $1 AND payload->'data'->>'decisionId' = ANY($2::text[])`,
            [`decision.reminder_${rung}`, decisionIds],
          );
          expect(rows[0]?.n, day).toBe(30);
        }
      } finally {
        await second.close();
      }
    });
  });

  describe('meeting frequency', () => {
    it('shows a compliance line per frequency rule and warns the office once before the year ends', async () => {
      t.clock.set(at('2025-06-01'));
      const body = await decisionBody(t);
      const app = await t.app();
      const report = await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/meeting-frequency`, headers: { cookie: await t.signIn(body.office.account) } });
      expect(report.statusCode, report.body).toBe(200);
      const lines = report.json<{ lines: { text: string; met: boolean; minPerYear: number | null; clause: string | null }[] }>().lines;
      expect(lines.map((l) => l.text)).toEqual(['全体会议：本年度已召开 0 次，至少 1 次']);
      expect(lines[0]?.met).toBe(false);
      const sweeper = new SweepScheduler({ db: t.db, config: { smtp: null, sweep: t.config.sweep }, clock: t.clock, logger: quiet });
      const warnings = async () =>
        (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE payload->>'event' = 'body.meeting_frequency_warning' AND body_id = $1`, [body.id]))[0]?.n;
      try {
        t.clock.set(at('2025-11-30'));
        await sweeper.runOnce();
        expect(await warnings()).toBe(0);
        t.clock.set(at('2025-12-01'));
        await sweeper.runOnce();
        await sweeper.runOnce();
        t.clock.set(at('2025-12-15'));
        await sweeper.runOnce();
        expect(await warnings()).toBe(1);
      } finally {
        await sweeper.stop();
      }
      expect(await inboxEvents(t, body.office.account)).toContain('body.meeting_frequency_warning');
      const after = await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/meeting-frequency`, headers: { cookie: await t.signIn(body.office.account) } });
      expect(after.json<{ warnedAt: string | null }>().warnedAt).not.toBeNull();
    });
  });

  describe('a body past its sunset', () => {
    it('warns 30 and 7 days before, keeps its lead units reading, lets the office hand over, and stops its reminders', async () => {
      t.clock.set(at('2025-11-03'));
      const { text } = foundingText();
      const body = await decisionBody(t, { text: text.replace('三、工作规则', '联席会议工作任务完成后（2025年12月底）自行撤销。\n三、工作规则') });
      const [lead, second, third] = body.units;
      if (!lead || !second || !third) throw new Error('units');
      const leadLiaison = await unitPerson(t, body, lead.unitId, 'liaison');
      const convener = await bodyWidePerson(t, body, 'convener');
      const successor = await decisionBody(t);
      const app = await t.app();
      const { decisionIds } = await issueDecisions(t, {
        bodyId: body.id,
        issuedOn: '2025-11-03',
        items: [
          { text: '移交后续机构的事项', leadUnitId: lead.unitId, coUnitIds: [], deadline: { kind: 'date', date: '2026-01-20' } },
          { text: '移交有关单位的事项', leadUnitId: lead.unitId, coUnitIds: [], deadline: { kind: 'date', date: '2026-01-20' } },
          { text: '说明理由办结的事项', leadUnitId: second.unitId, coUnitIds: [], deadline: { kind: 'date', date: '2026-01-20' } },
        ],
      });
      const [toBody, toUnit, toClose] = decisionIds;
      if (!toBody || !toUnit || !toClose) throw new Error('decisions');
      const sweeper = new SweepScheduler({ db: t.db, config: { smtp: null, sweep: t.config.sweep }, clock: t.clock, logger: quiet });
      const sunsetWarnings = async () =>
        (await t.sql<{ days: string }>(`SELECT payload->'data'->>'daysBefore' AS days FROM outbox WHERE payload->>'event' = 'body.sunset_warning' AND body_id = $1 ORDER BY id`, [body.id])).map((r) => r.days);
      try {
        t.clock.set(at('2025-12-01'));
        await sweeper.runOnce();
        await sweeper.runOnce();
        expect(await sunsetWarnings()).toEqual(['30']);
        t.clock.set(at('2025-12-24'));
        await sweeper.runOnce();
        await sweeper.runOnce();
        expect(await sunsetWarnings()).toEqual(['30', '7']);
        expect(await inboxEvents(t, convener.account)).toEqual(['body.sunset_warning', 'body.sunset_warning']);
        expect((await inboxEvents(t, body.office.account)).filter((e) => e === 'body.sunset_warning')).toHaveLength(2);

        // The office cannot dissolve it while items are open
        const refused = await app.inject({ method: 'POST', url: `/api/bodies/${body.id}/dissolve`, headers: { cookie: await t.signIn(body.office.account) }, payload: { on: '2025-12-24', reason: '任务完成' } });
        expect(refused.statusCode).toBe(409);
        expect(refused.json<{ error: { code: string } }>().error.code).toBe('open_decisions_not_handed_over');

        // The day after the sunset date the sweep dissolves it
        t.clock.set(at('2026-01-02'));
        const run = await sweeper.runOnce();
        expect(run.dissolved).toContain(body.id);
        // Past the deadline, the dissolved body sends no reminder
        t.clock.set(at('2026-01-21'));
        await sweeper.runOnce();
        await sweeper.runOnce();
        for (const id of decisionIds) expect((await outboxEvents(t, id)).filter((e) => e.startsWith('decision.reminder_overdue')), id).toEqual([]);
      } finally {
        await sweeper.stop();
      }

      // The lead unit's liaison still reads its open items, in the body and in the unit's list, but reports nothing
      const leadCookie = await t.signIn(leadLiaison.account);
      const list = await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/decisions?unitId=${lead.unitId}`, headers: { cookie: leadCookie } });
      expect(list.statusCode, list.body).toBe(200);
      expect(list.json<{ items: { id: string }[] }>().items.map((i) => i.id).sort()).toEqual([toBody, toUnit].sort());
      expect((await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/decisions/${toBody}`, headers: { cookie: leadCookie } })).statusCode).toBe(200);
      const unitItems = await app.inject({ method: 'GET', url: `/api/units/${lead.unitId}/decisions`, headers: { cookie: leadCookie } });
      expect(unitItems.json<{ items: { id: string }[] }>().items.map((i) => i.id)).toEqual(expect.arrayContaining([toBody, toUnit]));
      const report = await app.inject({ method: 'POST', url: `/api/bodies/${body.id}/decisions/${toBody}/progress-reports`, headers: { cookie: leadCookie }, payload: { unitId: lead.unitId, text: '进展', attachments: [] } });
      expect(report.statusCode).toBe(403);
      // The liaison does not hand over
      expect((await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/handover`, headers: { cookie: leadCookie } })).statusCode).toBe(403);

      // The office sees the open items and hands each over
      const officeCookie = await t.signIn(body.office.account);
      const overview = await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/handover`, headers: { cookie: officeCookie } });
      expect(overview.statusCode, overview.body).toBe(200);
      expect(overview.json<{ status: string; openItems: { decisionId: string }[] }>()).toMatchObject({ status: 'dissolved' });
      expect(overview.json<{ openItems: { decisionId: string }[] }>().openItems.map((i) => i.decisionId).sort()).toEqual([...decisionIds].sort());
      const handover = (decisionId: string, payload: Record<string, unknown>) =>
        app.inject({ method: 'POST', url: `/api/bodies/${body.id}/decisions/${decisionId}/handover`, headers: { cookie: officeCookie }, payload });
      const noReason = await handover(toClose, { action: 'close', reason: ' ' });
      expect(noReason.statusCode).toBe(400);
      const noSuccessor = await handover(toBody, { action: 'transfer_body', reason: '职责转入' });
      expect(noSuccessor.statusCode).toBe(400);
      expect(noSuccessor.json<{ error: { field: string } }>().error.field).toBe('successorBodyId');
      const toSelf = await handover(toBody, { action: 'transfer_body', successorBodyId: body.id, reason: '职责转入' });
      expect(toSelf.statusCode).toBe(400);
      const moved = await handover(toBody, { action: 'transfer_body', successorBodyId: successor.id, reason: '职责转入后续机构' });
      expect(moved.statusCode, moved.body).toBe(201);
      expect(moved.json()).toMatchObject({ action: 'transfer_body', successorBody: { id: successor.id } });
      const unit = await handover(toUnit, { action: 'transfer_unit', successorUnitId: lead.unitId, reason: '由牵头单位继续办理' });
      expect(unit.statusCode, unit.body).toBe(201);
      const closed = await handover(toClose, { action: 'close', reason: '机构撤销，事项不再推进' });
      expect(closed.statusCode, closed.body).toBe(201);
      expect((await handover(toClose, { action: 'close', reason: '再次' })).statusCode).toBe(409);

      const done = (await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/handover`, headers: { cookie: officeCookie } })).json<{ openItems: unknown[]; handovers: { action: string }[] }>();
      expect(done.openItems).toEqual([]);
      expect(done.handovers.map((h) => h.action).sort()).toEqual(['close', 'transfer_body', 'transfer_unit']);
      // The transferred item is open in the successor body, with its history
      const there = await app.inject({ method: 'GET', url: `/api/bodies/${successor.id}/decisions/${toBody}`, headers: { cookie: await t.signIn(successor.office.account) } });
      expect(there.statusCode, there.body).toBe(200);
      expect(there.json<{ status: string; text: string }>()).toMatchObject({ status: 'assigned', text: '移交后续机构的事项' });
      // The closed ones say why
      const closedDetail = await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/decisions/${toUnit}`, headers: { cookie: leadCookie } });
      expect(closedDetail.json<{ status: string; progressReports: { kind: string; text: string }[] }>()).toMatchObject({ status: 'closed' });
      expect(closedDetail.json<{ progressReports: { kind: string; text: string }[] }>().progressReports.at(-1)?.text).toContain('由牵头单位继续办理');
      const audit = await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'decision.hand_over' AND entity_id = ANY($1::text[])`, [decisionIds]);
      expect(audit[0]?.n).toBe(3);
    });

    it('lets the office dissolve a body by decision once every open item is handed over', async () => {
      t.clock.set(at('2025-11-03'));
      const body = await decisionBody(t);
      const [lead] = body.units;
      if (!lead) throw new Error('units');
      const app = await t.app();
      const { decisionIds } = await issueDecisions(t, {
        bodyId: body.id,
        issuedOn: '2025-11-03',
        items: [{ text: '撤销前办结的事项', leadUnitId: lead.unitId, coUnitIds: [], deadline: { kind: 'date', date: '2025-12-20' } }],
      });
      const dissolve = () => app.inject({ method: 'POST', url: `/api/bodies/${body.id}/dissolve`, headers: { cookie: body.office.cookie }, payload: { on: '2025-11-03', reason: '任务完成' } });
      expect((await dissolve()).statusCode).toBe(409);
      const closed = await app.inject({ method: 'POST', url: `/api/bodies/${body.id}/decisions/${decisionIds[0] ?? ''}/handover`, headers: { cookie: body.office.cookie }, payload: { action: 'close', reason: '已在撤销前完成' } });
      expect(closed.statusCode, closed.body).toBe(201);
      const done = await dissolve();
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json<{ status: string }>().status).toBe('dissolved');
    });
  });
});
