/**
 * Seed 001 (广东省支持广州市服务业扩大开放综合试点工作专班), decisions part: the decided items of a
 * coordination category's meeting are assigned to the category's lead units; the lead unit's
 * liaison sees them among its unit's open items, a member unit of the category reports progress to
 * the lead unit's item, the lead unit reports completion and the office closes it.
 */
import { expect, it } from 'vitest';
import { describeDatabases } from '../harness.ts';
import { MeetingScenario } from '../factories/meetings.ts';
import type { DecisionDetailResponse, DecisionItemResponse } from '../../../src/contracts/decisions.ts';

describeDatabases('scenario seed 001: decisions of a coordination category', (t) => {
  it('assigns the decided items to the category’s lead units and chases them to closing', async () => {
    const s = await MeetingScenario.seed(t, '001', new Date('2024-03-01T01:00:00Z'));
    const groups = await s.groups();
    const category = groups.find((g) => g.name === '金融领域类开放事项');
    if (!category) throw new Error('category missing');
    expect(category.kind).toBe('category');
    expect(category.leadUnits.map((u) => u.name)).toEqual(['省地方金融监管局', '省商务厅']);
    const [leadA, leadB] = category.leadUnits;
    const member = category.memberUnits.find((u) => !category.leadUnits.some((l) => l.id === u.id));
    if (!leadA || !leadB || !member) throw new Error('units missing');

    const roster = await s.memberships('?at=2024-03-01');
    const convenerPost = roster.find((m) => m.roleKind === 'convener');
    if (!convenerPost) throw new Error('convener missing');
    const convener = await s.holderUser(convenerPost, { date: '2024-02-01', personName: '召集甲', label: 'convener' });
    const leadLiaison = await s.startMembership({ roleKind: 'liaison', title: '联络员', unitId: leadA.id, personName: '联络员甲', validFrom: '2024-02-01' });
    const memberLiaison = await s.startMembership({ roleKind: 'liaison', title: '联络员', unitId: member.id, personName: '联络员乙', validFrom: '2024-02-01' });
    const leadUser = await s.personUser(leadLiaison.personId ?? '', 'lead-liaison');
    const memberUser = await s.personUser(memberLiaison.personId ?? '', 'member-liaison');

    const created = await s.createMeeting({ kind: 'group', title: '金融领域类开放事项推进会', startsAt: '2024-03-12T02:00:00.000Z', groupId: category.id });
    await s.schedule(created.id);
    await s.setPresider(created.id, convener.membership.id);
    await s.moveClock(new Date('2024-03-12T05:00:00Z'));
    await s.markHeld(created.id);
    await s.allAttended(created.id);
    const draft = await s.draftMinutes(created.id, {
      proceedings: '会议研究了金融领域开放事项推进情况。',
      decidedItems: [
        { text: '制定金融领域开放事项清单', leadUnitId: leadA.id, coUnitIds: [member.id], deadline: { kind: 'date', date: '2024-04-30' } },
        { text: '梳理跨境金融服务需协调的问题', leadUnitId: leadB.id, coUnitIds: [], deadline: { kind: 'working_days', days: 10 } },
      ],
    });
    await s.signOff(convener.user, draft.id);
    const issued = await s.issue(draft.id);
    expect(issued.decisionIds).toHaveLength(2);

    const decisions = (await s.call<{ items: DecisionItemResponse[] }>(s.office, 'GET', `${s.base}/decisions?minutesId=${issued.id}`)).items;
    expect(decisions.map((d) => [d.text, d.leadUnit.name, d.coUnits.map((u) => u.name), d.status])).toEqual([
      ['梳理跨境金融服务需协调的问题', '省商务厅', [], 'assigned'],
      ['制定金融领域开放事项清单', '省地方金融监管局', [member.name], 'assigned'],
    ]);
    // 10 working days from the issue day 2024-03-12 on Guangdong's calendar
    expect(decisions[0]?.deadline).toBe('2024-03-26');
    expect(decisions.every((d) => d.meetingId === created.id && d.minutesId === issued.id)).toBe(true);

    // The lead unit's liaison sees its unit's open items
    const mine = (await s.call<{ items: DecisionItemResponse[] }>(leadUser, 'GET', `/api/units/${leadA.id}/decisions`)).items;
    expect(mine.map((d) => d.text)).toEqual(['制定金融领域开放事项清单']);
    const byUnit = (await s.call<{ items: DecisionItemResponse[] }>(s.office, 'GET', `${s.base}/decisions?unitId=${member.id}`)).items;
    expect(byUnit.map((d) => d.text)).toEqual(['制定金融领域开放事项清单']);

    const item = decisions[1];
    if (!item) throw new Error('decision missing');
    const url = `${s.base}/decisions/${item.id}`;
    await s.call(memberUser, 'POST', `${url}/progress-reports`, { text: '已提供本单位开放事项' }, 201);
    await s.refused(memberUser, 'POST', `${url}/completion`, { text: '办结', unitId: member.id }, 403, 'not_lead_unit');
    await s.call(leadUser, 'POST', `${url}/completion`, { text: '清单已印发' }, 201);
    await s.call(s.office, 'POST', `${url}/close`, { note: '同意销号' });
    const detail = await s.call<DecisionDetailResponse>(s.office, 'GET', url);
    expect(detail.status).toBe('closed');
    expect(detail.progressReports.map((r) => [r.kind, r.unitName])).toEqual([
      ['progress', member.name],
      ['completion', leadA.name],
      ['closed', null],
    ]);
  });
});
