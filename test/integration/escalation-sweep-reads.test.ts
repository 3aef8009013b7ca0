/**
 * Issue 16: the escalation sweep reads only what is due. On both databases: items far from their
 * deadline are never read (the sweep's `scanned` count), a rung already sent is skipped by the read
 * itself, a sweep run twice gives one effect, small pages (keyset) read each due item once, and a
 * dissolved body's items are not read.
 */
import { expect, it } from 'vitest';
import { sweepEscalations } from '../../src/services/supervision/escalation-sweep.ts';
import { describeDatabases } from './harness.ts';
import type { TestContext } from './harness.ts';
import { decisionBody, issueDecisions, unitPerson } from './factories/decisions.ts';

const at = (iso: string) => new Date(`${iso}T09:00:00+08:00`);

/** `index:rung` of the reminders enqueued for the items (index in `decisionIds`), sorted. */
async function reminderEvents(t: TestContext, decisionIds: readonly string[]): Promise<string[]> {
  const rows = await t.sql<{ event: string; decision_id: string }>(
    `SELECT payload->>'event' AS event, payload->'data'->>'decisionId' AS decision_id FROM outbox
      WHERE kind = 'notification' AND payload->>'event' LIKE 'decision.reminder_%' AND payload->'data'->>'decisionId' = ANY($1::text[])
      ORDER BY id`,
    [decisionIds],
  );
  return rows.map((r) => `${decisionIds.indexOf(r.decision_id)}:${r.event.replace('decision.reminder_', '')}`).sort();
}

describeDatabases('escalation sweep reads', (t) => {
  it('reads only the items on a rung today, once: far items are never read, a second run reads nothing', async () => {
    // Monday 2025-06-09 (the database holds only this test's items at this date)
    t.clock.set(at('2025-06-09'));
    const body = await decisionBody(t);
    const [lead, co] = body.units;
    if (!lead || !co) throw new Error('units');
    await unitPerson(t, body, lead.unitId, 'liaison');
    const far = Array.from({ length: 40 }, (_, i) => ({
      text: `远期事项${i + 1}`,
      leadUnitId: lead.unitId,
      coUnitIds: [co.unitId],
      deadline: { kind: 'date' as const, date: `2025-${i % 2 === 0 ? '08' : '09'}-${String(10 + (i % 15)).padStart(2, '0')}` },
    }));
    const { decisionIds } = await issueDecisions(t, {
      bodyId: body.id,
      issuedOn: '2025-06-03',
      items: [
        { text: '明日到期', leadUnitId: lead.unitId, coUnitIds: [co.unitId], deadline: { kind: 'date', date: '2025-06-10' } },
        { text: '今日到期', leadUnitId: lead.unitId, coUnitIds: [], deadline: { kind: 'date', date: '2025-06-09' } },
        { text: '四个工作日后到期', leadUnitId: lead.unitId, coUnitIds: [], deadline: { kind: 'date', date: '2025-06-13' } },
        ...far,
      ],
    });

    const first = await sweepEscalations({ db: t.db, clock: t.clock });
    // Read: the item due tomorrow (before) and today (due); not the one 4 working days ahead, not the 40 far ones
    expect(first).toEqual({ enqueued: 2, alreadySent: 0, scanned: 2 });
    const again = await sweepEscalations({ db: t.db, clock: t.clock });
    expect(again).toEqual({ enqueued: 0, alreadySent: 0, scanned: 0 });
    expect(await reminderEvents(t, decisionIds)).toEqual(['0:before', '1:due']);

    // Thursday 2025-06-12: the first two are overdue (2 and 3 working days), the third within 3 working days
    t.clock.set(at('2025-06-12'));
    const later = await sweepEscalations({ db: t.db, clock: t.clock, pageSize: 1 });
    expect(later).toEqual({ enqueued: 3, alreadySent: 0, scanned: 3 });
    expect((await sweepEscalations({ db: t.db, clock: t.clock, pageSize: 1 })).scanned).toBe(0);

    // Tuesday 2025-06-17: 5 and 6 working days past 10 and 9 June (the member's rung), 2 past 13 June (overdue)
    t.clock.set(at('2025-06-17'));
    expect(await sweepEscalations({ db: t.db, clock: t.clock })).toEqual({ enqueued: 3, alreadySent: 0, scanned: 3 });
    expect((await sweepEscalations({ db: t.db, clock: t.clock })).scanned).toBe(0);
    expect(await reminderEvents(t, decisionIds)).toEqual(['0:before', '0:overdue', '0:overdue_member', '1:due', '1:overdue', '1:overdue_member', '2:before', '2:overdue']);
    const claims = await t.sql<{ n: number }>(
      `SELECT (SELECT count(*) FROM reminder_sends WHERE decision_id = ANY($1::text[]))::int + (SELECT count(*) FROM escalation_sends WHERE decision_id = ANY($1::text[]))::int AS n`,
      [decisionIds],
    );
    expect(claims[0]?.n).toBe(8);
  });

  it("does not read a dissolved body's items", async () => {
    t.clock.set(at('2026-03-02'));
    // Other tests' items on a rung today are claimed first
    await sweepEscalations({ db: t.db, clock: t.clock });
    const body = await decisionBody(t);
    const [lead] = body.units;
    if (!lead) throw new Error('units');
    const { decisionIds } = await issueDecisions(t, {
      bodyId: body.id,
      issuedOn: '2026-02-27',
      items: [{ text: '撤销机构的事项', leadUnitId: lead.unitId, coUnitIds: [], deadline: { kind: 'date', date: '2026-03-02' } }],
    });
    await t.sql(`UPDATE bodies SET status = 'dissolved', dissolved_on = '2026-03-01' WHERE id = $1`, [body.id]);
    expect((await sweepEscalations({ db: t.db, clock: t.clock })).scanned).toBe(0);
    expect(await reminderEvents(t, decisionIds)).toEqual([]);
  });
});
