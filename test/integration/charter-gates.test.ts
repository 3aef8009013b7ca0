/**
 * The charter gates through HTTP, on the real founding documents: each step the charter forbids is
 * refused with its clause (or, where the charter is silent, says the system default applied), and
 * what it allows goes through. Issue 11's violations: 004 attendance by a substitute or by a liaison
 * with the unit's opinion (第十一条), a 15-working-day decided item (办公室细则第十六条, refused in the
 * draft already), 003 a topical meeting presided by a 副组长 without delegation, and 000 the 召集人
 * approving the agenda (a sentence about proposing a meeting is no approval rule).
 */
import { expect, it } from 'vitest';
import { describeDatabases } from './harness.ts';
import { MeetingScenario } from './factories/meetings.ts';

const DEFAULT_PREFIX = '本机构制度未规定，按系统默认规则';

describeDatabases('charter gates', (t) => {
  it('004: no substitute and no liaison with opinion at the plenary; a 15-working-day item is refused in the draft; the 组长 signs the notice', async () => {
    const { s, leader, units } = await MeetingScenario.seed004WithUnits(t, ['市政务服务管理办公室', '市市场监督管理局']);
    const [a, b] = units;
    if (!a || !b) throw new Error('units missing');
    const plenary = await s.heldMeeting({ kind: 'plenary', title: '协调小组全体会议', startsAt: '2021-03-15T01:00:00.000Z', presiderMembershipId: leader.membership.id });
    await s.allAttended(plenary.id);

    // 会议出席人员为：协调小组组长、副组长、成员 — nobody else comes instead.
    const substitute = await s.refused(s.office, 'PUT', s.meetingUrl(plenary.id, '/attendance'), {
      entries: [{ unitId: a.unitId, status: 'substitute', substituteName: '代出席丁' }],
    }, 422, 'substitute_not_allowed');
    expect(substitute.clause).toMatchObject({ clause: '第十一条', text: expect.stringContaining('会议出席人员为') });
    expect(substitute.field).toBe('entries.0.status');
    const opinion = await s.refused(s.office, 'PUT', s.meetingUrl(plenary.id, '/attendance'), {
      entries: [{ unitId: b.unitId, status: 'liaison_with_opinion', opinion: '同意。' }],
    }, 422, 'liaison_with_opinion_not_allowed');
    expect(opinion.clause?.clause).toBe('第十一条');
    expect(opinion.message.startsWith('根据本机构制度，')).toBe(true);
    // Leave is recorded as ever.
    const leave = await s.recordAttendance(plenary.id, [{ unitId: a.unitId, status: 'absent_with_leave', leaveReason: '出差' }]);
    expect(leave.attendance.find((x) => x.unitId === a.unitId)?.status).toBe('absent_with_leave');

    // 承办部门应在7个工作日内办结 (10 when co-handled): 15 is refused already in the draft.
    const tooLong = await s.refused(s.office, 'POST', s.meetingUrl(plenary.id, '/minutes'), {
      proceedings: '会议审议了年度工作要点。',
      decidedItems: [{ text: '精简审批事项', leadUnitId: a.unitId, coUnitIds: [], deadline: { kind: 'working_days', days: 15 } }],
    }, 422, 'handling_deadline_exceeded');
    expect(tooLong.clause).toMatchObject({ clause: '第十六条', text: expect.stringContaining('7个工作日内办结') });
    expect(tooLong.field).toBe('decidedItems.0.deadline');
    expect(tooLong.message).toContain('不能定为15个工作日');
    // A date (2021-04-30, some 30 working days after the draft day) is refused too, against the co-handled 10.
    const byDate = await s.refused(s.office, 'POST', s.meetingUrl(plenary.id, '/minutes'), {
      proceedings: '会议审议了年度工作要点。',
      decidedItems: [{ text: '优化营商环境评价', leadUnitId: a.unitId, coUnitIds: [b.unitId], deadline: { kind: 'date', date: '2021-04-30' } }],
    }, 422, 'handling_deadline_exceeded');
    expect(byDate.message).toContain('10个工作日');
    // Within the limits the draft goes through, signed by the 组长.
    const draft = await s.draftMinutes(plenary.id, {
      proceedings: '会议审议了年度工作要点。',
      decidedItems: [
        { text: '精简审批事项', leadUnitId: a.unitId, coUnitIds: [], deadline: { kind: 'working_days', days: 7 } },
        { text: '优化营商环境评价', leadUnitId: a.unitId, coUnitIds: [b.unitId], deadline: { kind: 'working_days', days: 10 } },
      ],
    });
    // …and an edit to 15 is refused as well.
    const edit = await s.refused(s.office, 'PUT', `${s.base}/minutes/${draft.id}`, {
      decidedItems: [{ text: '精简审批事项', leadUnitId: a.unitId, coUnitIds: [], deadline: { kind: 'working_days', days: 15 } }],
    }, 422, 'handling_deadline_exceeded');
    expect(edit.clause?.clause).toBe('第十六条');
    expect((await s.signOff(leader.user, draft.id)).signedOffAs).toBe('convener');

    // 以协调小组名义发文…由组长或副组长签发 (办公室细则第十三条): the meeting notice is signed by the
    // 组长, not issued by the office on its own.
    const next = await s.createMeeting({ kind: 'plenary', title: '协调小组第二次全体会议', startsAt: '2021-04-15T01:00:00.000Z' });
    await s.schedule(next.id);
    const byOffice = await s.refused(s.office, 'POST', s.meetingUrl(next.id, '/notice'), undefined, 403, 'document_signing_not_allowed');
    expect(byOffice.clause).toMatchObject({ clause: '第十三条', text: expect.stringContaining('由组长或副组长签发') });
    expect((await s.call<{ meetingId: string }>(leader.user, 'POST', s.meetingUrl(next.id, '/notice'))).meetingId).toBe(next.id);
  });

  it('003: a topical meeting is presided by the 组长, a 副组长 only with delegation (三、（二）2.)', async () => {
    const s = await MeetingScenario.seed(t, '003', new Date('2021-03-01T01:00:00Z'));
    const roster = await s.memberships('?at=2021-03-01');
    const leaderPost = roster.find((m) => m.roleKind === 'convener');
    const deputyPost = roster.find((m) => m.roleKind === 'deputy_convener');
    if (!leaderPost || !deputyPost) throw new Error('roles missing');
    const leader = await s.holderUser(leaderPost, { date: '2021-03-01', personName: '', label: 'leader' });
    const topical = await s.createMeeting({ kind: 'topical', title: '并联审批专题会议', startsAt: '2021-03-20T01:00:00.000Z' });
    await s.schedule(topical.id);
    const refused = await s.refused(s.office, 'PUT', s.meetingUrl(topical.id, '/presider'), { membershipId: deputyPost.id }, 422, 'delegation_required');
    expect(refused.clause).toMatchObject({ clause: '三、（二）2.', text: expect.stringContaining('由组长或组长委托副组长主持') });
    expect(refused.message).toContain('副组长须经组长委托');
    await s.delegate(leader.user, topical.id, deputyPost.id);
    expect((await s.setPresider(topical.id, deputyPost.id)).presider?.roleKind).toBe('deputy_convener');
  });

  it('000: the 召集人 approves the agenda; a sign-off by the office is refused by default, saying so', async () => {
    const s = await MeetingScenario.seed(t, '000', new Date('2021-03-01T01:00:00Z'));
    const roster = await s.memberships('?at=2021-03-01');
    const convenerPost = roster.find((m) => m.roleKind === 'convener');
    if (!convenerPost) throw new Error('召集人 missing');
    const convener = await s.holderUser(convenerPost, { date: '2021-02-20', personName: '召集甲', label: 'convener' });
    const plenary = await s.createMeeting({ kind: 'plenary', title: '全体会议', startsAt: '2021-03-10T02:00:00.000Z' });
    await s.schedule(plenary.id);
    const item = await s.proposeItem(s.office, plenary.id, { title: '服务贸易年度工作要点' });
    expect(await s.decideItem(convener.user, plenary.id, item.id, true)).toMatchObject({ status: 'approved', decidedAs: 'convener' });

    await s.setPresider(plenary.id, convener.membership.id);
    await s.moveClock(new Date('2021-03-10T05:00:00Z'));
    await s.markHeld(plenary.id);
    await s.allAttended(plenary.id);
    const draft = await s.draftMinutes(plenary.id, { proceedings: '会议研究了年度工作要点。' });
    // The charter names nobody who signs minutes off: the default (召集人 or 副召集人), and it says so.
    const byOffice = await s.refused(s.office, 'POST', `${s.base}/minutes/${draft.id}/sign-off`, undefined, 403, 'minutes_signoff_not_allowed');
    expect(byOffice.message.startsWith(DEFAULT_PREFIX)).toBe(true);
    expect(byOffice.clause).toEqual({ document: null, clause: null, text: `${DEFAULT_PREFIX}：会议纪要由召集人或副召集人审定` });
    expect(byOffice.details).toMatchObject({ byDefault: true, step: 'sign_off_minutes' });
    expect((await s.signOff(convener.user, draft.id)).signedOffAs).toBe('convener');
  });
});
