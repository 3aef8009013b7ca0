/**
 * Seed 003 (桂林市政务服务工作联席会议), decisions part: a deadline of N working days that crosses
 * 壮族三月三 is computed on 广西's calendar (the body is in 桂林市, 450300), and the API says the
 * date is provisional while 广西's notice for the year is not loaded.
 */
import { expect, it } from 'vitest';
import { describeDatabases } from '../harness.ts';
import { MeetingScenario } from '../factories/meetings.ts';
import type { DecisionDetailResponse, DecisionItemResponse } from '../../../src/contracts/decisions.ts';

describeDatabases('scenario seed 003: a deadline across 三月三', (t) => {
  it('counts working days on 广西’s calendar and flags the provisional holiday', async () => {
    const s = await MeetingScenario.seed(t, '003', new Date('2021-04-01T01:00:00Z'));
    const roster = await s.memberships('?at=2021-04-01');
    const deputyPost = roster.find((m) => m.roleKind === 'deputy_convener');
    const leaderPost = roster.find((m) => m.roleKind === 'convener');
    if (!deputyPost || !leaderPost) throw new Error('roles missing');
    const deputy = await s.holderUser(deputyPost, { date: '2021-04-01', personName: '', label: 'deputy' });
    const [first, second] = await s.units('2021-04-01');
    if (!first || !second) throw new Error('units missing');

    const meeting = await s.createMeeting({ kind: 'working', title: '政务服务工作会议', startsAt: '2021-04-09T01:00:00.000Z' });
    await s.schedule(meeting.id);
    await s.setPresider(meeting.id, leaderPost.id);
    await s.moveClock(new Date('2021-04-09T04:00:00Z'));
    await s.markHeld(meeting.id);
    await s.allAttended(meeting.id);
    const draft = await s.draftMinutes(meeting.id, {
      proceedings: '会议研究了推进并联审批工作。',
      decidedItems: [
        { text: '制定并联审批实施细则', leadUnitId: first.unitId, coUnitIds: [second.unitId], deadline: { kind: 'working_days', days: 7 } },
      ],
    });
    await s.signOff(deputy.user, draft.id);
    // Issued on Monday 2021-04-12
    await s.moveClock(new Date('2021-04-12T02:00:00Z'));
    const issued = await s.issue(draft.id);
    expect(issued.issuedOn).toBe('2021-04-12');

    const [decision] = (await s.call<{ items: DecisionItemResponse[] }>(s.office, 'GET', `${s.base}/decisions?minutesId=${issued.id}`)).items;
    if (!decision) throw new Error('decision missing');
    // Nationally 7 working days end on 2021-04-21; 广西 rests on 三月三 (04-14, 04-15): 2021-04-23.
    expect(decision.deadline).toBe('2021-04-23');
    expect(decision.deadlineProvisional).toBe(true);
    expect(decision.deadlineProvisionalReasons.join('')).toContain('三月三');
    const detail = await s.call<DecisionDetailResponse>(s.office, 'GET', `${s.base}/decisions/${decision.id}`);
    expect(detail.deadlines).toEqual([expect.objectContaining({ deadline: '2021-04-23', provisional: true, basis: { kind: 'working_days', days: 7 } })]);

    // On 2021-04-22 one working day is left; on Monday 04-26 it is two working days overdue
    // (04-23 and Sunday 04-25, worked to make up for the May Day holiday)
    await s.moveClock(new Date('2021-04-22T02:00:00Z'));
    expect((await s.call<DecisionDetailResponse>(s.office, 'GET', `${s.base}/decisions/${decision.id}`)).workingDaysLeft).toBe(1);
    await s.moveClock(new Date('2021-04-26T02:00:00Z'));
    const late = await s.call<DecisionDetailResponse>(s.office, 'GET', `${s.base}/decisions/${decision.id}`);
    expect([late.overdue, late.workingDaysOverdue]).toEqual([true, 2]);
  });
});
