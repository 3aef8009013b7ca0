/**
 * Seed 004 (启东市…“放管服”改革协调小组), the real text: the plenary is chaired by the 组长 only
 * (第十一条); its agenda and observers are decided by the 组长; a topical meeting may be chaired by a
 * 副组长 the 组长 delegated (第十二条); the minutes are signed off by the 组长 and nobody else (第十三条).
 */
import { expect, it } from 'vitest';
import { describeDatabases } from '../harness.ts';
import { MeetingScenario } from '../factories/meetings.ts';

describeDatabases('scenario seed 004: plenary chaired and signed by the 组长', (t) => {
  it('refuses everyone but the 组长, citing the clause', async () => {
    const s = await MeetingScenario.seed(t, '004', new Date('2021-03-01T01:00:00Z'));
    const roster = await s.memberships('?at=2021-03-01');
    const leaderPost = roster.find((m) => m.roleKind === 'convener');
    const deputyPost = roster.find((m) => m.roleKind === 'deputy_convener');
    expect(leaderPost?.title).toBe('组长');
    if (!leaderPost || !deputyPost) return;
    const leader = await s.holderUser(leaderPost, { date: '2021-02-01', personName: '组长甲', label: 'leader' });
    // The charter names the 副组长 posts by positions of units it lists no member units for: the office
    // records the person holding one.
    const deputyMembership = await s.startMembership({ roleKind: 'deputy_convener', title: deputyPost.title, unitId: null, personName: '副组长乙', validFrom: '2021-02-01' });
    const deputy = { user: await s.personUser(deputyMembership.personId ?? '', 'deputy'), membership: deputyMembership };

    const startsAt = '2021-03-15T01:00:00.000Z';
    const plenary = await s.createMeeting({ kind: 'plenary', title: '协调小组全体会议', startsAt });
    expect(plenary.kindName).toBe('全体会议');
    await s.schedule(plenary.id);

    // 会议由组长主持: the 组长 cannot delegate the plenary, and a 副组长 is refused.
    const delegation = await s.refused(leader.user, 'POST', s.meetingUrl(plenary.id, '/delegations'), { toMembershipId: deputy.membership.id }, 422, 'delegation_not_provided');
    expect(delegation.clause?.clause).toBe('第十一条');
    const byDeputy = await s.refused(s.office, 'PUT', s.meetingUrl(plenary.id, '/presider'), { membershipId: deputy.membership.id }, 422, 'presider_not_allowed');
    expect(byDeputy.clause?.clause).toBe('第十一条');
    expect(byDeputy.clause?.text).toContain('会议由组长主持');
    expect(byDeputy.message).toContain('组长');
    expect((await s.setPresider(plenary.id, leader.membership.id)).presider?.title).toBe('组长');

    // A topical meeting: the 副组长 presides with the 组长's delegation (第十二条), not without.
    const topical = await s.createMeeting({ kind: 'topical', title: '专题会议', startsAt: '2021-03-16T01:00:00.000Z' });
    const topicalRefused = await s.refused(s.office, 'PUT', s.meetingUrl(topical.id, '/presider'), { membershipId: deputy.membership.id }, 422, 'delegation_required');
    expect(topicalRefused.clause?.clause).toBe('第十二条');
    await s.delegate(leader.user, topical.id, deputy.membership.id);
    expect((await s.setPresider(topical.id, deputy.membership.id)).presider?.roleKind).toBe('deputy_convener');

    // 议题由协调小组办公室…提出建议，报组长批准决定.
    const item = await s.proposeItem(s.office, plenary.id, { title: '深化“放管服”改革年度要点' });
    const itemByDeputy = await s.refused(deputy.user, 'POST', s.meetingUrl(plenary.id, `/agenda-items/${item.id}/decision`), { approve: true }, 403, 'agenda_approval_not_allowed');
    expect(itemByDeputy.clause?.clause).toBe('第十一条');
    expect(await s.decideItem(leader.user, plenary.id, item.id, true)).toMatchObject({ status: 'approved', decidedAs: 'convener' });

    // 列席人员由协调小组办公室提出建议，报组长确定.
    const observer = await s.call<{ id: string; approvalStatus: string }>(s.office, 'POST', s.meetingUrl(plenary.id, '/observers'), { name: '市司法局分管负责同志' }, 201);
    expect(observer.approvalStatus).toBe('proposed');
    const observerByDeputy = await s.refused(deputy.user, 'POST', s.meetingUrl(plenary.id, `/observers/${observer.id}/decision`), { approve: true }, 403, 'observer_approval_not_allowed');
    expect(observerByDeputy.clause?.text).toContain('列席人员由协调小组办公室提出建议，报组长确定');
    const approvedObserver = await s.call<{ approvalStatus: string }>(leader.user, 'POST', s.meetingUrl(plenary.id, `/observers/${observer.id}/decision`), { approve: true });
    expect(approvedObserver.approvalStatus).toBe('approved');

    await s.moveClock(new Date('2021-03-15T04:00:00Z'));
    await s.markHeld(plenary.id);
    const draft = await s.draftMinutes(plenary.id, { proceedings: '会议审议了年度工作要点。' });
    expect(draft.observers).toEqual([{ name: '市司法局分管负责同志', unitName: null }]);

    // 组长签发 and nobody else: not the 副组长, not the office.
    const signByDeputy = await s.refused(deputy.user, 'POST', `${s.base}/minutes/${draft.id}/sign-off`, undefined, 403, 'minutes_signoff_not_allowed');
    expect(signByDeputy.clause?.clause).toBe('第十三条');
    expect(signByDeputy.clause?.text).toContain('组长签发');
    await s.refused(s.office, 'POST', `${s.base}/minutes/${draft.id}/sign-off`, undefined, 403, 'minutes_signoff_not_allowed');
    const signed = await s.signOff(leader.user, draft.id);
    expect(signed.signedOffAs).toBe('convener');
    await s.refused(leader.user, 'POST', `${s.base}/minutes/${draft.id}/sign-off`, undefined, 409, 'minutes_transition_not_allowed');
    const issued = await s.issue(draft.id);
    expect(issued.distribution?.reportCopyTo).toEqual(['市长', '副市长', '政府办主任', '副主任']);
    expect(issued.distribution?.copyTo).toEqual(['与会议决定有关的部门', '区镇']);
  });
});
