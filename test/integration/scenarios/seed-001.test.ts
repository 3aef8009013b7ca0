/**
 * Seed 001 (广东省支持广州市服务业扩大开放综合试点工作专班), the real text: a meeting of one
 * coordination category (协调类别) invites that category's units; its minutes, approved by the
 * 召集人 alone (经召集人审定同意), carry decided items for the category's lead units.
 */
import { expect, it } from 'vitest';
import { describeDatabases } from '../harness.ts';
import { MeetingScenario } from '../factories/meetings.ts';

describeDatabases('scenario seed 001: a coordination category’s meeting', (t) => {
  it('invites the category, is approved by the 召集人 and carries decided items for its lead units', async () => {
    const s = await MeetingScenario.seed(t, '001', new Date('2024-03-01T01:00:00Z'));
    const groups = await s.groups();
    const category = groups.find((g) => g.name === '科技领域类开放事项');
    expect(category?.kind).toBe('category');
    if (!category) return;
    expect(category.leadUnits.map((u) => u.name)).toEqual(['省科技厅', '省商务厅']);

    const roster = await s.memberships('?at=2024-03-01');
    const convenerPost = roster.find((m) => m.roleKind === 'convener');
    const deputyPost = roster.find((m) => m.roleKind === 'deputy_convener' && m.unitName === '省商务厅');
    if (!convenerPost || !deputyPost) throw new Error('roles missing');
    const convener = await s.holderUser(convenerPost, { date: '2024-02-01', personName: '召集甲', label: 'convener' });
    const deputy = await s.holderUser(deputyPost, { date: '2024-02-01', personName: '副召乙', label: 'deputy' });

    const startsAt = '2024-03-12T02:00:00.000Z';
    const created = await s.createMeeting({ kind: 'group', title: '科技领域类开放事项推进会', startsAt, groupId: category.id });
    const scheduled = await s.schedule(created.id);
    const categoryUnits = new Set([...category.leadUnits, ...category.memberUnits].map((u) => u.id));
    const invited = new Set(scheduled.invitees.filter((i) => i.unitId !== null).map((i) => i.unitId));
    expect(invited).toEqual(categoryUnits);
    // A group meeting needs its group.
    await s.refused(s.office, 'POST', `${s.base}/meetings`, { kind: 'group', title: '无组', startsAt }, 400, 'group_required');

    await s.setPresider(created.id, convener.membership.id);
    await s.moveClock(new Date('2024-03-12T05:00:00Z'));
    await s.markHeld(created.id);
    await s.allAttended(created.id);
    const [leadA, leadB] = category.leadUnits;
    const member = category.memberUnits.find((u) => !category.leadUnits.some((l) => l.id === u.id));
    if (!leadA || !leadB || !member) throw new Error('units missing');
    const draft = await s.draftMinutes(created.id, {
      proceedings: '会议研究了科技领域开放事项推进情况。',
      decidedItems: [
        { text: '制定科技领域开放事项清单', leadUnitId: leadA.id, coUnitIds: [member.id], deadline: { kind: 'date', date: '2024-06-30' } },
        { text: '梳理需省级层面协调解决的问题', leadUnitId: leadB.id, coUnitIds: [], deadline: { kind: 'working_days', days: 10 } },
      ],
    });
    // 经召集人审定同意: the deputy convener is refused.
    const byDeputy = await s.refused(deputy.user, 'POST', `${s.base}/minutes/${draft.id}/sign-off`, undefined, 403, 'minutes_signoff_not_allowed');
    expect(byDeputy.clause?.text).toContain('经召集人审定同意');
    await s.signOff(convener.user, draft.id);
    const issued = await s.issue(draft.id);
    expect(issued.decisionIds).toHaveLength(2);
    expect(issued.decidedItems.map((i) => i.leadUnitId)).toEqual([leadA.id, leadB.id]);
    expect(issued.distribution?.memberUnits).toHaveLength(39);
    expect(issued.distribution?.reportCopyTo).toEqual([]);
  });
});
