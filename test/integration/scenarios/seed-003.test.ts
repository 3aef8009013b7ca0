/**
 * Seed 003 (桂林市政务服务工作联席会议), the real text: the agenda is approved by 组长 or 副组长 and
 * circulated in advance (提前印发给各成员单位); members must attend (务必参加), a substitute or the
 * liaison with the unit's opinion may come instead; the minutes are approved by 组长 or 副组长.
 */
import { expect, it } from 'vitest';
import { describeDatabases } from '../harness.ts';
import { MeetingScenario } from '../factories/meetings.ts';

describeDatabases('scenario seed 003: working meeting', (t) => {
  it('circulates materials before the meeting, records substitutes and opinions, 副组长 approves the minutes', async () => {
    const s = await MeetingScenario.seed(t, '003', new Date('2021-03-01T01:00:00Z'));
    const roster = await s.memberships('?at=2021-03-01');
    const leaderPost = roster.find((m) => m.roleKind === 'convener');
    const deputyPost = roster.find((m) => m.roleKind === 'deputy_convener');
    expect([leaderPost?.title, leaderPost?.personName, deputyPost?.title, deputyPost?.personName]).toEqual(['组长', '粟增林', '副组长', '赵仲华']);
    if (!leaderPost || !deputyPost) return;
    const deputy = await s.holderUser(deputyPost, { date: '2021-03-01', personName: '', label: 'deputy' });
    const units = await s.units('2021-03-01');
    expect(units).toHaveLength(9);
    const [first, second, third] = units;
    if (!first || !second || !third) throw new Error('units missing');

    const startsAt = '2021-03-20T01:00:00.000Z';
    const meeting = await s.createMeeting({ kind: 'working', title: '政务服务工作会议', startsAt });
    expect(meeting.kindName).toBe('工作会议');
    await s.schedule(meeting.id);
    const item = await s.proposeItem(s.office, meeting.id, { title: '推进并联审批' });
    // 经组长或副组长审核同意: not the office.
    const byOffice = await s.refused(s.office, 'POST', s.meetingUrl(meeting.id, `/agenda-items/${item.id}/decision`), { approve: true }, 403, 'agenda_approval_not_allowed');
    expect(byOffice.clause?.text).toContain('经组长或副组长审核同意');
    expect(byOffice.message).toContain('组长或副组长');
    await s.refused(deputy.user, 'POST', s.meetingUrl(meeting.id, `/agenda-items/${item.id}/decision`), { approve: false }, 400, 'reason_required');
    expect(await s.decideItem(deputy.user, meeting.id, item.id, true)).toMatchObject({ status: 'approved', decidedAs: 'deputy_convener' });
    const material = await s.attachText(s.office, meeting.id, item.id, '并联审批方案.txt', '关于推进并联审批的方案（讨论稿）');
    expect(material.sizeBytes).toBe(Buffer.byteLength('关于推进并联审批的方案（讨论稿）'));

    // Circulated before the meeting: no finding about it.
    const circulated = await s.circulate(meeting.id);
    expect(circulated.agenda[0]?.materials[0]?.circulatedAt).toBe(t.clock.now().toISOString());
    const download = await s.request(s.office, 'GET', s.meetingUrl(meeting.id, `/materials/${material.id}/content`));
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe('关于推进并联审批的方案（讨论稿）');

    // This body may issue documents in its own name: the meeting notice lists the approved agenda.
    const notice = await s.call<{ agenda: { title: string }[]; kindName: string }>(s.office, 'POST', s.meetingUrl(meeting.id, '/notice'));
    expect(notice).toMatchObject({ kindName: '工作会议', agenda: [{ title: '推进并联审批' }] });
    await s.setPresider(meeting.id, leaderPost.id);
    await s.moveClock(new Date('2021-03-20T04:00:00Z'));
    await s.markHeld(meeting.id);
    await s.allAttended(meeting.id);
    const recorded = await s.recordAttendance(meeting.id, [
      { unitId: first.unitId, status: 'substitute', substituteName: '代出席丁', substitutePosition: '副主任' },
      { unitId: second.unitId, status: 'liaison_with_opinion', opinion: '同意方案，建议明确时限。' },
      { unitId: third.unitId, status: 'absent' },
    ]);
    await s.refused(s.office, 'PUT', s.meetingUrl(meeting.id, '/attendance'), { entries: [{ unitId: first.unitId, status: 'substitute' }] }, 400, 'attendance_detail_required');
    // 各成员务必参加: the absence is a finding with the clause; materials went out in time.
    const absence = recorded.findings.filter((f) => f.code === 'mandatory_attendance_absent');
    expect(absence).toHaveLength(1);
    expect(absence[0]?.unitId).toBe(third.unitId);
    expect(absence[0]?.clause?.text).toContain('务必参加');
    expect(recorded.findings.filter((f) => f.code === 'materials_not_circulated_in_advance')).toEqual([]);

    const draft = await s.draftMinutes(meeting.id, { proceedings: '会议研究了推进并联审批工作。' });
    expect(draft.attendance.attended.find((a) => a.substitute)).toMatchObject({ unitName: first.name, personName: '代出席丁' });
    expect(draft.attendance.liaisonsWithOpinion).toEqual([{ unitName: second.name, opinion: '同意方案，建议明确时限。' }]);
    expect(draft.attendance.absent).toEqual([expect.objectContaining({ unitName: third.name })]);
    const byOfficeSign = await s.refused(s.office, 'POST', `${s.base}/minutes/${draft.id}/sign-off`, undefined, 403, 'minutes_signoff_not_allowed');
    expect(byOfficeSign.clause?.text).toContain('由组长或副组长审定');
    const signed = await s.signOff(deputy.user, draft.id);
    expect(signed.signedOffAs).toBe('deputy_convener');
    const issued = await s.issue(draft.id);
    expect(issued.distribution?.memberUnits).toHaveLength(9);
    expect(issued.number).toBe(1);
  });
});
