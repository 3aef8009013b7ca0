/**
 * Seed 002 (国务院推进贸易高质量发展部际联席会议), the real text with its named roster: a member
 * replaced mid-year — the meeting before the change invites the old member, the one after the new;
 * the presider is checked with the memberships valid on the meeting day.
 */
import { expect, it } from 'vitest';
import { describeDatabases } from '../harness.ts';
import { MeetingScenario } from '../factories/meetings.ts';

describeDatabases('scenario seed 002: memberships over time', (t) => {
  it('invites the members valid on each meeting’s day', async () => {
    const s = await MeetingScenario.seed(t, '002', new Date('2021-03-01T01:00:00Z'));
    const roster = await s.memberships('?at=2021-03-01');
    const commerce = roster.find((m) => m.roleKind === 'member' && m.unitName === '商务部');
    const convenerPost = roster.find((m) => m.roleKind === 'convener');
    expect(commerce?.personName).toBe('任鸿斌');
    expect(convenerPost?.personName).toBe('胡春华');
    if (!commerce || !convenerPost) return;

    // The member for 商务部 changes on 2021-06-15 (proposed, and confirmed as the plenary decided:
    // 由所在单位提出，联席会议确定 — see membership-changes.test.ts), and so does the convener.
    const proposal = await s.call<{ id: string }>(
      s.office,
      'POST',
      `${s.base}/membership-changes`,
      { kind: 'handover', membershipId: commerce.id, effectiveDate: '2021-06-15', personName: '新成员甲', position: '商务部副部长', reason: '工作变动' },
      201,
    );
    const colleague = await s.grantUser('office_staff', 'office 2');
    const confirmed = await s.call<{ startedMembershipId: string }>(colleague, 'POST', `${s.base}/membership-changes/${proposal.id}/confirm`, {
      note: '经联席会议确定',
    });
    const successor = (await s.memberships('?at=2021-06-15&roleKind=member')).find((m) => m.id === confirmed.startedMembershipId);
    if (!successor) throw new Error('the successor did not start');
    const newConvener = await s.changeHolder(convenerPost.id, '2021-06-15', '新召集人乙');

    const before = await s.createMeeting({ kind: 'plenary', title: '上半年全体会议', startsAt: '2021-05-10T02:00:00.000Z' });
    const after = await s.createMeeting({ kind: 'plenary', title: '下半年全体会议', startsAt: '2021-09-10T02:00:00.000Z' });
    const beforeScheduled = await s.schedule(before.id);
    const afterScheduled = await s.schedule(after.id);
    const commerceInvitee = (m: typeof beforeScheduled) => m.invitees.filter((i) => i.roleKind === 'member' && i.unitName === '商务部').map((i) => i.personName);
    expect(commerceInvitee(beforeScheduled)).toEqual(['任鸿斌']);
    expect(commerceInvitee(afterScheduled)).toEqual(['新成员甲']);
    expect(beforeScheduled.invitees.find((i) => i.roleKind === 'convener')?.personName).toBe('胡春华');
    expect(afterScheduled.invitees.find((i) => i.roleKind === 'convener')?.personName).toBe('新召集人乙');
    expect(new Set(afterScheduled.invitees.filter((i) => i.roleKind === 'member').map((i) => i.unitId)).size).toBe(30);

    // The presider must hold the post on the meeting day.
    await s.refused(s.office, 'PUT', s.meetingUrl(after.id, '/presider'), { membershipId: convenerPost.id }, 422, 'membership_not_valid_on_date');
    await s.refused(s.office, 'PUT', s.meetingUrl(before.id, '/presider'), { membershipId: newConvener.id }, 422, 'membership_not_valid_on_date');
    expect((await s.setPresider(before.id, convenerPost.id)).presider?.personName).toBe('胡春华');
    expect((await s.setPresider(after.id, newConvener.id)).presider?.personName).toBe('新召集人乙');
    expect(successor.validFrom).toBe('2021-06-15');

    // Rescheduling the first meeting after the change invites the new member; the postponement and the
    // new notice each raise the calendar invitation's sequence.
    await s.call(s.office, 'POST', s.meetingUrl(before.id, '/postpone'), { reason: '与其他会议时间冲突' });
    const moved = await s.schedule(before.id, { startsAt: '2021-07-01T02:00:00.000Z' });
    expect(commerceInvitee(moved)).toEqual(['新成员甲']);
    expect(moved.icsSequence).toBe(2);
  });
});
