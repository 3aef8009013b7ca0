/**
 * Seed 000 (广东省服务贸易发展部门间联席会议), the real text: a deputy convener presides only with a
 * delegation the convener recorded for that meeting; a liaison meeting may be held before the
 * plenary; member units propose agenda items (the charter names no approver: the office, the 召集人
 * or a 副召集人 decides them by default); the minutes go to all 35 member units
 * and are reported to 省政府; any other official document in the body's name is refused (不正式行文).
 */
import { expect, it } from 'vitest';
import { describeDatabases } from '../harness.ts';
import { MeetingScenario, isoAfter } from '../factories/meetings.ts';

describeDatabases('scenario seed 000: meetings and minutes', (t) => {
  it('runs a plenary by the body’s own rules, with its refusals', async () => {
    const s = await MeetingScenario.seed(t, '000', new Date('2021-03-01T01:00:00Z'));
    const roles = await s.memberships('?at=2021-03-01');
    const convenerPost = roles.find((m) => m.roleKind === 'convener');
    const deputyPost = roles.find((m) => m.roleKind === 'deputy_convener' && m.unitName === '省商务厅');
    expect(convenerPost && deputyPost).toBeTruthy();
    if (!convenerPost || !deputyPost) return;
    const convener = await s.holderUser(convenerPost, { date: '2021-02-20', personName: '召集甲', label: 'convener' });
    const deputy = await s.holderUser(deputyPost, { date: '2021-02-20', personName: '副召乙', label: 'deputy' });
    const units = await s.units('2021-03-01');
    expect(units).toHaveLength(35);
    const finance = units.find((u) => u.name === '省财政厅');
    const education = units.find((u) => u.name === '省教育厅');
    if (!finance || !education) throw new Error('units missing');
    const liaisonMembership = await s.startMembership({ roleKind: 'liaison', title: '联络员', unitId: finance.unitId, personName: '联络丙', validFrom: '2021-02-20' });
    const liaison = await s.personUser(liaisonMembership.personId ?? '', 'liaison');

    const startsAt = '2021-03-10T02:00:00.000Z';
    const plenary = await s.createMeeting({ kind: 'plenary', title: '2021年第一次全体会议', startsAt, location: '省政府1号楼' });
    expect(plenary.status).toBe('draft');
    const scheduled = await s.schedule(plenary.id);
    expect(scheduled.status).toBe('scheduled');
    // Every member unit is invited, with the convener and the deputy conveners in office that day.
    const invitedUnits = new Set(scheduled.invitees.filter((i) => i.roleKind === 'member').map((i) => i.unitId));
    expect(invitedUnits.size).toBe(35);
    expect(scheduled.invitees.some((i) => i.roleKind === 'convener' && i.personName === '召集甲')).toBe(true);

    // A liaison meeting before the plenary (在会议之前，可视情况召开联络员会议), linked to it.
    const liaisonMeeting = await s.createMeeting({ kind: 'liaison', title: '联络员会议', startsAt: '2021-03-05T02:00:00.000Z', preMeetingOf: plenary.id });
    expect(liaisonMeeting.preMeetingOf).toBe(plenary.id);
    expect(liaisonMeeting.kindName).toBe('联络员会议');
    const late = await s.refused(s.office, 'POST', `${s.base}/meetings`, { kind: 'liaison', title: '迟到的联络员会议', startsAt: '2021-03-12T02:00:00.000Z', preMeetingOf: plenary.id }, 422, 'pre_meeting_after_meeting');
    expect(late.clause?.text).toContain('联络员会议');

    // Member units propose items, only for their own unit; the charter names no approver (成员单位可…向
    // 联席会议办公室提出召开会议的建议 is about asking for a meeting), so the office decides by default.
    const item = await s.proposeItem(liaison, plenary.id, { title: '财政支持服务贸易发展的建议', unitId: finance.unitId });
    expect(item.status).toBe('proposed');
    await s.refused(liaison, 'POST', s.meetingUrl(plenary.id, '/agenda-items'), { title: '替别的单位提', unitId: education.unitId }, 403, 'forbidden');
    const approved = await s.decideItem(s.office, plenary.id, item.id, true);
    expect(approved).toMatchObject({ status: 'approved', decidedAs: 'office_staff' });

    // The deputy convener presides only with the convener's recorded delegation.
    const noDelegation = await s.refused(s.office, 'PUT', s.meetingUrl(plenary.id, '/presider'), { membershipId: deputy.membership.id }, 422, 'delegation_required');
    expect(noDelegation.clause?.clause).toBe('三、工作规则');
    expect(noDelegation.clause?.text).toContain('召集人委托的副召集人主持');
    // Only the convener records it: not the office, not the deputy.
    await s.refused(s.office, 'POST', s.meetingUrl(plenary.id, '/delegations'), { toMembershipId: deputy.membership.id }, 403, 'forbidden');
    await s.refused(deputy.user, 'POST', s.meetingUrl(plenary.id, '/delegations'), { toMembershipId: deputy.membership.id }, 403, 'forbidden');
    const delegated = await s.delegate(convener.user, plenary.id, deputy.membership.id);
    expect(delegated.delegations).toEqual([expect.objectContaining({ fromMembershipId: convener.membership.id, toMembershipId: deputy.membership.id })]);
    // The delegation is for that meeting only.
    const other = await s.createMeeting({ kind: 'plenary', title: '另一次全体会议', startsAt: '2021-04-10T02:00:00.000Z' });
    await s.refused(s.office, 'PUT', s.meetingUrl(other.id, '/presider'), { membershipId: deputy.membership.id }, 422, 'delegation_required');
    const presided = await s.setPresider(plenary.id, deputy.membership.id);
    expect(presided.presider).toMatchObject({ personName: '副召乙', roleKind: 'deputy_convener' });

    // 不正式行文: no meeting notice in the body's own name.
    const notice = await s.refused(s.office, 'POST', s.meetingUrl(plenary.id, '/notice'), undefined, 422, 'formal_document_not_allowed');
    expect(notice.clause?.text).toContain('不正式行文');

    // Held, attendance, minutes.
    await s.moveClock(new Date(isoAfter(new Date(startsAt), 0, 3)));
    await s.markHeld(plenary.id);
    await s.allAttended(plenary.id);
    const draft = await s.draftMinutes(plenary.id, { proceedings: '会议听取了各成员单位工作情况汇报，研究了下一步工作。' });
    expect(draft.status).toBe('draft');
    expect(draft.attendance.attended).toHaveLength(35);
    await s.refused(liaison, 'POST', `${s.base}/minutes/${draft.id}/sign-off`, undefined, 403, 'forbidden');
    await s.refused(s.office, 'POST', `${s.base}/minutes/${draft.id}/issue`, undefined, 409, 'minutes_transition_not_allowed');
    const signed = await s.signOff(convener.user, draft.id);
    expect(signed).toMatchObject({ status: 'signed_off', signedOffAs: 'convener' });
    const issued = await s.issue(draft.id);
    expect(issued).toMatchObject({ status: 'issued', year: 2021, number: 1 });
    expect(issued.distribution?.memberUnits).toHaveLength(35);
    expect(issued.distribution?.reportCopyTo).toEqual(['省政府']);
    expect((await s.getMeeting(plenary.id)).status).toBe('minutes_issued');

    // Issued minutes are immutable; a correction is a new issue referring to the old one.
    await s.refused(s.office, 'PUT', `${s.base}/minutes/${draft.id}`, { proceedings: '改一改' }, 409, 'minutes_transition_not_allowed');
    const correction = await s.call<{ id: string; correctsMinutesId: string | null; status: string }>(
      s.office,
      'POST',
      `${s.base}/minutes/${draft.id}/corrections`,
      { proceedings: '会议听取了各成员单位工作情况汇报（更正）。' },
      201,
    );
    expect(correction).toMatchObject({ correctsMinutesId: draft.id, status: 'draft' });
    await s.signOff(convener.user, correction.id);
    const corrected = await s.issue(correction.id);
    expect(corrected).toMatchObject({ year: 2021, number: 2, correctsMinutesId: draft.id });
    expect((await s.getMinutes(draft.id)).correctedBy).toEqual([correction.id]);
    expect((await s.getMinutes(draft.id)).proceedings).toBe('会议听取了各成员单位工作情况汇报，研究了下一步工作。');
  });
});
