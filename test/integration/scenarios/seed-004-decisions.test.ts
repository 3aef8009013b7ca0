/**
 * Seed 004 (启东市…“放管服”改革协调小组), decisions part: the charter's handling deadline
 * (第十六条: 7 working days, 10 when co-handled) applies to decided items that take the charter
 * default; the deadline history names the clause.
 */
import { expect, it } from 'vitest';
import { describeDatabases } from '../harness.ts';
import { MeetingScenario } from '../factories/meetings.ts';
import type { DecisionDetailResponse, DecisionItemResponse } from '../../../src/contracts/decisions.ts';

describeDatabases('scenario seed 004: 7 and 10 working days', (t) => {
  it('gives a decision 7 working days and a co-handled one 10, by the charter', async () => {
    // The charter names its groups but lists no member units: the office records three (a
    // re-import of the same text with corrections), effective from 2021-03-01.
    const { s, leader, units } = await MeetingScenario.seed004WithUnits(t, ['市政务服务管理办公室', '市市场监督管理局', '市司法局']);
    const [a, b, c] = units;
    if (!a || !b || !c) throw new Error('units missing');

    const plenary = await s.heldMeeting({ kind: 'plenary', title: '协调小组全体会议', startsAt: '2021-03-15T01:00:00.000Z', presiderMembershipId: leader.membership.id });
    await s.allAttended(plenary.id);
    const draft = await s.draftMinutes(plenary.id, {
      proceedings: '会议审议了年度工作要点。',
      decidedItems: [
        { text: '精简审批事项', leadUnitId: a.unitId, coUnitIds: [], deadline: { kind: 'charter_default' } },
        { text: '优化营商环境评价', leadUnitId: b.unitId, coUnitIds: [c.unitId], deadline: { kind: 'charter_default' } },
      ],
    });
    await s.signOff(leader.user, draft.id);
    // Issued on Tuesday 2021-03-16
    await s.moveClock(new Date('2021-03-16T02:00:00Z'));
    const issued = await s.issue(draft.id);
    expect(issued.issuedOn).toBe('2021-03-16');

    const items = (await s.call<{ items: DecisionItemResponse[] }>(s.office, 'GET', `${s.base}/decisions?minutesId=${issued.id}`)).items;
    expect(items.map((d) => [d.text, d.deadline, d.deadlineProvisional])).toEqual([
      ['精简审批事项', '2021-03-25', false],
      ['优化营商环境评价', '2021-03-30', false],
    ]);
    const single = await s.call<DecisionDetailResponse>(s.office, 'GET', `${s.base}/decisions/${items[0]?.id ?? ''}`);
    const coHandled = await s.call<DecisionDetailResponse>(s.office, 'GET', `${s.base}/decisions/${items[1]?.id ?? ''}`);
    expect(single.deadlines[0]?.basis).toEqual({ kind: 'charter_default', days: 7, coHandled: false, clause: '第十六条' });
    expect(coHandled.deadlines[0]?.basis).toEqual({ kind: 'charter_default', days: 10, coHandled: true, clause: '第十六条' });
    // On the issue day: 7 and 10 working days left
    expect([single.workingDaysLeft, coHandled.workingDaysLeft]).toEqual([7, 10]);
  });
});
