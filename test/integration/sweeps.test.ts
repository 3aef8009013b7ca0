/**
 * Background sweeps over PostgreSQL claims: a sweep run twice sends once; two app instances sweeping
 * at the same time against 500 due reminders send each exactly once, counted at a real SMTP server.
 */
import { expect, it } from 'vitest';
import { pino } from 'pino';
import { loadConfig } from '../../src/config/config.ts';
import { buildApp } from '../../src/server/app.ts';
import { SweepScheduler } from '../../src/services/sweep-scheduler.ts';
import { updateOutboundAllowList } from '../../src/services/outbound-allow-list.ts';
import { describeDatabases, secondDatabase } from './harness.ts';
import type { TestContext } from './harness.ts';
import { decisionBody, issueDecisions, unitPerson } from './factories/decisions.ts';
import { startSmtpSink } from './factories/smtp-sink.ts';

const at = (iso: string) => new Date(`${iso}T09:00:00+08:00`);
const quiet = { info() {}, warn() {}, error() {} };

/** The SMTP sink listens on loopback: the system administrator allow-lists it (targets inside the network are refused otherwise). */
async function allowLoopbackSmtp(t: TestContext): Promise<void> {
  await updateOutboundAllowList(t.db, { allowed: ['127.0.0.1'], origin: { actorId: null, requestId: null, clientAddress: 'test', at: t.clock.now() } });
}

function smtpConfig(t: TestContext, port: number) {
  const config = loadConfig({
    LIANXI_DATA_DIR: t.config.dataDir,
    LIANXI_SMTP_HOST: '127.0.0.1',
    LIANXI_SMTP_PORT: String(port),
    LIANXI_SMTP_FROM: '联席会议办公室 <office@example.test>',
    LIANXI_OUTBOX_BACKOFF_SECONDS: '1',
  });
  return config;
}

describeDatabases('sweeps', (t) => {
  it('sends a reminder once however often the sweep runs', async () => {
    const smtp = await startSmtpSink();
    await allowLoopbackSmtp(t);
    try {
      t.clock.set(at('2025-11-03'));
      const body = await decisionBody(t);
      const [lead] = body.units;
      if (!lead) throw new Error('units');
      const liaison = await unitPerson(t, body, lead.unitId);
      const app = await t.app();
      const address = await app.inject({ method: 'PUT', url: '/api/me/notification-address', headers: { cookie: liaison.cookie }, payload: { email: 'liaison@example.test' } });
      expect(address.statusCode, address.body).toBe(200);
      const bad = await app.inject({ method: 'PUT', url: '/api/me/notification-address', headers: { cookie: liaison.cookie }, payload: { email: 'not-an-address' } });
      expect(bad.statusCode).toBe(400);
      const { decisionIds } = await issueDecisions(t, {
        bodyId: body.id,
        issuedOn: '2025-11-03',
        items: [{ text: '一次提醒', leadUnitId: lead.unitId, coUnitIds: [], deadline: { kind: 'date', date: '2025-11-04' } }],
      });
      const sweeper = new SweepScheduler({ db: t.db, config: smtpConfig(t, smtp.port), clock: t.clock, logger: quiet });
      try {
        await sweeper.runOnce();
        t.clock.set(at('2025-11-04'));
        await sweeper.runOnce();
        await sweeper.runOnce();
      } finally {
        await sweeper.stop();
      }
      const mine = smtp.messages.filter((m) => m.to.includes('liaison@example.test'));
      const events = mine.map((m) => m.headers.get('x-lianxi-event'));
      expect(events.filter((e) => e === 'decision.reminder_due')).toHaveLength(1);
      expect(events.filter((e) => e === 'decision.assigned')).toHaveLength(1);
      // The 'before' reminder (3 working days before) had started already on the issue day
      expect(events.filter((e) => e === 'decision.reminder_before')).toHaveLength(1);
      const sends = await t.sql<{ kind: string }>('SELECT kind FROM reminder_sends WHERE decision_id = $1 ORDER BY kind', [decisionIds[0]]);
      expect(sends.map((s) => s.kind)).toEqual(['before', 'due']);
    } finally {
      await smtp.close();
    }
  });

  it('two instances sweeping at once send each of 500 due reminders exactly once', { timeout: 300_000 }, async () => {
    const smtp = await startSmtpSink();
    await allowLoopbackSmtp(t);
    const second = await secondDatabase(t);
    try {
      t.clock.set(at('2025-11-28'));
      const body = await decisionBody(t);
      const [lead] = body.units;
      if (!lead) throw new Error('units');
      const liaison = await unitPerson(t, body, lead.unitId);
      const app = await t.app();
      await app.inject({ method: 'PUT', url: '/api/me/notification-address', headers: { cookie: liaison.cookie }, payload: { email: 'burst@example.test' } });
      const items = Array.from({ length: 500 }, (_, i) => ({
        text: `批量事项${i + 1}`,
        leadUnitId: lead.unitId,
        coUnitIds: [],
        deadline: { kind: 'date' as const, date: '2025-12-01' },
      }));
      // Assigned on Friday with the deadline on Monday
      const { decisionIds } = await issueDecisions(t, { bodyId: body.id, issuedOn: '2025-11-28', items });
      expect(decisionIds).toHaveLength(500);
      // On Friday: the assignment notices and the 'before' reminders go out
      const config = smtpConfig(t, smtp.port);
      const warmup = new SweepScheduler({ db: t.db, config, clock: t.clock, logger: quiet });
      await warmup.runOnce();
      await warmup.stop();
      const before = smtp.messages.length;
      // Monday, the deadline day: 500 'due' reminders
      t.clock.set(at('2025-12-01'));

      // Two app instances on the same database, each with its own sweeper
      const appA = await buildApp({ db: t.db, config, clock: t.clock, logger: pino({ level: 'silent' }) });
      const appB = await buildApp({ db: second.db, config, clock: t.clock, logger: pino({ level: 'silent' }) });
      const sweepA = new SweepScheduler({ db: t.db, config, clock: t.clock, logger: quiet });
      const sweepB = new SweepScheduler({ db: second.db, config, clock: t.clock, logger: quiet });
      try {
        const [a, b] = await Promise.all([sweepA.runOnce(), sweepB.runOnce()]);
        // Each reminder was claimed by exactly one of them
        expect(a.reminders.enqueued + b.reminders.enqueued).toBe(500);
        // Run both again: nothing new
        const [a2, b2] = await Promise.all([sweepA.runOnce(), sweepB.runOnce()]);
        expect(a2.reminders.enqueued + b2.reminders.enqueued).toBe(0);
      } finally {
        await Promise.all([sweepA.stop(), sweepB.stop(), appA.close(), appB.close()]);
      }
      const sends = await t.sql<{ decision_id: string; outbox_id: string }>(
        `SELECT decision_id, outbox_id::text FROM reminder_sends WHERE decision_id = ANY($1::text[]) AND kind = 'due'`,
        [decisionIds],
      );
      expect(sends).toHaveLength(500);
      const reminderMails = smtp.messages.slice(before).filter((m) => m.headers.get('x-lianxi-event') === 'decision.reminder_due' && m.to.includes('burst@example.test'));
      expect(reminderMails).toHaveLength(500);
      const notified = new Set(reminderMails.map((m) => m.headers.get('x-lianxi-notification')));
      expect([...notified].sort()).toEqual(sends.map((s) => s.outbox_id).sort());
    } finally {
      await second.close();
      await smtp.close();
    }
  });
});
