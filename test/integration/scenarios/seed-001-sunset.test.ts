/**
 * Seed 001 (a 工作专班 that dissolves itself when the pilot ends, 2026年12月底): before the date its
 * office and convener are warned 30 and 7 days ahead; the sweep dissolves it the day after; its lead
 * units keep reading their open items; the office hands each over (to a successor body, or closed
 * with a reason); the dissolved body's items get no more reminders.
 */
import { expect, it } from 'vitest';
import { describeDatabases } from '../harness.ts';
import { MeetingScenario } from '../factories/meetings.ts';
import { publishTestBody } from '../factories/bodies.ts';
import { SweepScheduler } from '../../../src/services/sweep-scheduler.ts';
import type { DecisionItemResponse } from '../../../src/contracts/decisions.ts';

const quiet = { info() {}, warn() {}, error() {} };

describeDatabases('scenario seed 001: sunset and handover', (t) => {
  it('warns before the sunset, dissolves, keeps the lead unit reading, hands over and stops reminders', async () => {
    const s = await MeetingScenario.seed(t, '001', new Date('2026-11-02T01:00:00Z'));
    const body = await s.call<{ sunsetDate: string | null; status: string }>(s.office, 'GET', s.base);
    expect(body).toMatchObject({ sunsetDate: '2026-12-31', status: 'active' });
    const groups = await s.groups();
    const category = groups.find((g) => g.leadUnits.length > 0);
    const lead = category?.leadUnits[0];
    if (!category || !lead) throw new Error('category missing');
    const roster = await s.memberships('?at=2026-11-02');
    const convenerPost = roster.find((m) => m.roleKind === 'convener');
    if (!convenerPost) throw new Error('convener missing');
    const convener = await s.holderUser(convenerPost, { date: '2026-11-02', personName: '召集甲', label: 'convener' });
    const leadLiaison = await s.startMembership({ roleKind: 'liaison', title: '联络员', unitId: lead.id, personName: '联络员甲', validFrom: '2026-11-02' });
    const leadUser = await s.personUser(leadLiaison.personId ?? '', 'lead-liaison');

    const meeting = await s.createMeeting({ kind: 'plenary', title: '试点收官推进会', startsAt: '2026-11-10T02:00:00.000Z' });
    await s.schedule(meeting.id);
    await s.setPresider(meeting.id, convener.membership.id);
    await s.moveClock(new Date('2026-11-10T05:00:00Z'));
    await s.markHeld(meeting.id);
    await s.allAttended(meeting.id);
    const draft = await s.draftMinutes(meeting.id, {
      proceedings: '会议研究了试点收官工作。',
      decidedItems: [
        { text: '整理试点经验材料', leadUnitId: lead.id, coUnitIds: [], deadline: { kind: 'date', date: '2027-01-15' } },
        { text: '梳理试点遗留问题', leadUnitId: lead.id, coUnitIds: [], deadline: { kind: 'date', date: '2027-01-15' } },
      ],
    });
    await s.signOff(convener.user, draft.id);
    const issued = await s.issue(draft.id);
    const [first, second] = issued.decisionIds;
    if (!first || !second) throw new Error('decisions missing');

    const sweeper = new SweepScheduler({ db: t.db, config: { smtp: null, sweep: t.config.sweep }, clock: t.clock, logger: quiet });
    const events = async (event: string) =>
      (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM outbox WHERE body_id = $1 AND payload->>'event' = $2`, [s.bodyId, event]))[0]?.n ?? 0;
    try {
      // 30 and 7 days before the sunset date: one warning each, to the office and the convener
      for (const day of ['2026-12-01T01:00:00Z', '2026-12-01T03:00:00Z', '2026-12-24T01:00:00Z', '2026-12-24T03:00:00Z']) {
        await s.moveClock(new Date(day));
        await sweeper.runOnce();
      }
      expect(await events('body.sunset_warning')).toBe(2);
      const inbox = await s.call<{ items: { event: string }[] }>(convener.user, 'GET', '/api/me/inbox');
      expect(inbox.items.filter((i) => i.event === 'body.sunset_warning')).toHaveLength(2);

      // The day after the sunset date the sweep dissolves it; the memberships end
      await s.moveClock(new Date('2027-01-01T01:00:00Z'));
      expect((await sweeper.runOnce()).dissolved).toContain(s.bodyId);
      // Its items' deadline comes and goes: no reminder for a body that no longer exists
      for (const day of ['2027-01-12T01:00:00Z', '2027-01-15T01:00:00Z', '2027-01-20T01:00:00Z', '2027-02-10T01:00:00Z']) {
        await s.moveClock(new Date(day));
        await sweeper.runOnce();
      }
      for (const kind of ['before', 'due', 'overdue', 'overdue_member', 'overdue_convener']) expect(await events(`decision.reminder_${kind}`), kind).toBe(0);
    } finally {
      await sweeper.stop();
    }

    // The lead unit's liaison still reads its unit's items
    const mine = (await s.call<{ items: DecisionItemResponse[] }>(leadUser, 'GET', `/api/units/${lead.id}/decisions`)).items;
    expect(mine.filter((d) => d.bodyId === s.bodyId).map((d) => d.text).sort()).toEqual(['整理试点经验材料', '梳理试点遗留问题']);
    await s.call(leadUser, 'GET', `${s.base}/decisions/${first}`);

    // The office sees them open and hands them over
    const overview = await s.call<{ status: string; openItems: { decisionId: string; rung: string }[] }>(s.office, 'GET', `${s.base}/handover`);
    expect(overview.status).toBe('dissolved');
    expect(overview.openItems.map((i) => i.decisionId).sort()).toEqual([first, second].sort());
    const successor = await publishTestBody(t);
    await s.call(s.office, 'POST', `${s.base}/decisions/${first}/handover`, { action: 'transfer_body', successorBodyId: successor.id, reason: '试点经验总结转入后续机构' }, 201);
    await s.call(s.office, 'POST', `${s.base}/decisions/${second}/handover`, { action: 'close', reason: '试点结束，遗留问题已纳入常规工作' }, 201);
    expect((await s.call<{ openItems: unknown[] }>(s.office, 'GET', `${s.base}/handover`)).openItems).toEqual([]);
    const closed = await s.call<{ status: string }>(leadUser, 'GET', `${s.base}/decisions/${second}`);
    expect(closed.status).toBe('closed');
  });
});
