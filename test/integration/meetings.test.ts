/**
 * Meetings and minutes through HTTP on a synthetic body: the lifecycle's transitions and refusals,
 * bad input named by field, who may do what, materials, notifications in the outbox.
 */
import { expect, it } from 'vitest';
import { describeDatabases } from './harness.ts';
import { foundingText } from './factories/bodies.ts';
import type { RosterLine } from './factories/bodies.ts';
import { MeetingScenario } from './factories/meetings.ts';

const ROSTER: RosterLine[] = [
  { title: '召集人', person: '张三', position: '省人民政府副省长' },
  { title: '副召集人', person: '李四', position: '省商务厅厅长' },
  { title: '成员', person: '王五', position: '省发展改革委副主任' },
  { title: '成员', person: '赵六', position: '省财政厅副厅长' },
];

describeDatabases('meetings', (t) => {
  async function setup() {
    const s = await MeetingScenario.publish(t, { text: foundingText({ roster: ROSTER }).text, now: new Date('2024-05-06T01:00:00Z') });
    const roster = await s.memberships('?at=2024-05-06');
    const convenerPost = roster.find((m) => m.roleKind === 'convener');
    const financeMember = roster.find((m) => m.personName === '赵六');
    if (!convenerPost?.personId || !financeMember?.unitId || !financeMember.personId) throw new Error('roster missing');
    const convener = await s.personUser(convenerPost.personId, 'convener');
    const financeUnitId = financeMember.unitId;
    const units = await s.units('2024-05-06');
    const otherUnit = units.find((u) => u.unitId !== financeUnitId);
    if (!otherUnit) throw new Error('units missing');
    const liaisonMembership = await s.startMembership({ roleKind: 'liaison', title: '联络员', unitId: financeUnitId, personName: '联络员钱', validFrom: '2024-05-01' });
    const liaison = await s.personUser(liaisonMembership.personId ?? '', 'liaison');
    return { s, convener, convenerPost, liaison, financeUnitId, otherUnitId: otherUnit.unitId };
  }

  it('walks the lifecycle and refuses illegal transitions with a typed error', async () => {
    const { s, convener, convenerPost } = await setup();
    const startsAt = '2024-05-20T02:00:00.000Z';
    const meeting = await s.createMeeting({ kind: 'plenary', title: '全体会议', startsAt });
    const url = (rest: string) => s.meetingUrl(meeting.id, rest);
    const early = await s.refused(s.office, 'POST', url('/held'), undefined, 409, 'meeting_transition_not_allowed');
    expect(early.message).toContain('草稿');
    await s.refused(s.office, 'POST', url('/minutes'), { proceedings: '无' }, 409, 'meeting_transition_not_allowed');
    await s.schedule(meeting.id);
    await s.refused(s.office, 'POST', url('/schedule'), {}, 409, 'meeting_transition_not_allowed');
    await s.refused(s.office, 'POST', url('/held'), undefined, 409, 'meeting_not_started');
    await s.moveClock(new Date('2024-05-20T03:00:00Z'));
    await s.refused(s.office, 'POST', url('/held'), undefined, 409, 'presider_required');
    // The presider is set before the meeting only.
    await s.moveClock(new Date('2024-05-20T01:00:00Z'));
    await s.setPresider(meeting.id, convenerPost.id);
    await s.moveClock(new Date('2024-05-20T03:00:00Z'));
    expect((await s.markHeld(meeting.id)).status).toBe('held');
    await s.refused(s.office, 'POST', url('/cancel'), { reason: '太晚了' }, 409, 'meeting_transition_not_allowed');
    await s.refused(s.office, 'PUT', url('/presider'), { membershipId: convenerPost.id }, 409, 'meeting_transition_not_allowed');
    const draft = await s.draftMinutes(meeting.id, { proceedings: '会议纪要正文' });
    await s.refused(s.office, 'POST', url('/minutes'), { proceedings: '第二份' }, 409, 'meeting_transition_not_allowed');
    // Edits are guarded by the version read.
    await s.refused(s.office, 'PUT', `${s.base}/minutes/${draft.id}`, { proceedings: '改', version: draft.version + 5 }, 409, 'minutes_version_conflict');
    const edited = await s.call<{ proceedings: string; version: number }>(s.office, 'PUT', `${s.base}/minutes/${draft.id}`, { proceedings: '修改后的正文', version: draft.version });
    expect(edited.proceedings).toBe('修改后的正文');
    await s.signOff(convener, draft.id);
    const issued = await s.issue(draft.id);
    expect(issued.number).toBe(1);
    await s.refused(s.office, 'POST', `${s.base}/minutes/${draft.id}/issue`, undefined, 409, 'minutes_transition_not_allowed');
    await s.refused(s.office, 'PUT', `${s.base}/minutes/${draft.id}`, { proceedings: '再改' }, 409, 'minutes_transition_not_allowed');
    const list = await s.call<{ items: { id: string; number: number | null }[] }>(s.office, 'GET', `${s.base}/minutes`);
    expect(list.items.map((m) => m.id)).toEqual([draft.id]);

    // Cancelling and postponing need a reason; a cancelled meeting stays cancelled.
    const second = await s.createMeeting({ kind: 'topical', title: '专题会议', startsAt: '2024-06-20T02:00:00.000Z' });
    const noReason = await s.refused(s.office, 'POST', s.meetingUrl(second.id, '/cancel'), { reason: '' }, 400, 'validation_failed');
    expect(noReason.field).toBe('reason');
    await s.refused(s.office, 'POST', s.meetingUrl(second.id, '/postpone'), { reason: '尚未通知' }, 409, 'meeting_transition_not_allowed');
    const cancelled = await s.call<{ status: string; statusReason: string }>(s.office, 'POST', s.meetingUrl(second.id, '/cancel'), { reason: '议题合并到全体会议' });
    expect(cancelled).toMatchObject({ status: 'cancelled', statusReason: '议题合并到全体会议' });
    await s.refused(s.office, 'POST', s.meetingUrl(second.id, '/schedule'), {}, 409, 'meeting_transition_not_allowed');
  });

  it('names the field of bad input and never answers 500', async () => {
    const { s, financeUnitId } = await setup();
    const badKind = await s.refused(s.office, 'POST', `${s.base}/meetings`, { kind: 'party', title: '聚会', startsAt: '2024-05-20T02:00:00Z' }, 400, 'validation_failed');
    expect(badKind.field).toBe('kind');
    const badTime = await s.refused(s.office, 'POST', `${s.base}/meetings`, { kind: 'plenary', title: '会', startsAt: '明天上午' }, 400, 'validation_failed');
    expect(badTime.field).toBe('startsAt');
    const past = await s.refused(s.office, 'POST', `${s.base}/meetings`, { kind: 'plenary', title: '会', startsAt: '2024-05-01T02:00:00Z' }, 422, 'meeting_in_past');
    expect(past.field).toBe('startsAt');
    const reversed = await s.refused(s.office, 'POST', `${s.base}/meetings`, { kind: 'plenary', title: '会', startsAt: '2024-05-20T02:00:00Z', endsAt: '2024-05-20T01:00:00Z' }, 400, 'meeting_ends_before_start');
    expect(reversed.field).toBe('endsAt');
    await s.refused(s.office, 'GET', s.meetingUrl('00000000-0000-4000-8000-000000000000'), undefined, 404, 'meeting_not_found');
    const noPre = await s.refused(s.office, 'POST', `${s.base}/meetings`, { kind: 'liaison', title: '联络员会议', startsAt: '2024-05-19T02:00:00Z', preMeetingOf: '00000000-0000-4000-8000-000000000000' }, 422, 'pre_meeting_not_provided');
    expect(noPre.field).toBe('preMeetingOf');

    const meeting = await s.createMeeting({ kind: 'plenary', title: '全体会议', startsAt: '2024-05-20T02:00:00.000Z' });
    const item = await s.proposeItem(s.office, meeting.id, { title: '议题一' });
    const noReason = await s.refused(s.office, 'POST', s.meetingUrl(meeting.id, `/agenda-items/${item.id}/decision`), { approve: false }, 400, 'reason_required');
    expect(noReason.field).toBe('reason');
    const rejected = await s.decideItem(s.office, meeting.id, item.id, false, '与其他议题重复');
    expect(rejected).toMatchObject({ status: 'rejected', decisionReason: '与其他议题重复' });
    await s.refused(s.office, 'POST', s.meetingUrl(meeting.id, `/agenda-items/${item.id}/decision`), { approve: true }, 409, 'agenda_item_already_decided');
    await s.refused(s.office, 'POST', s.meetingUrl(meeting.id, `/agenda-items/${item.id}/materials`), { name: 'a.txt', contentType: 'text/plain', text: 'x' }, 409, 'agenda_item_rejected');
    const both = await s.refused(s.office, 'POST', s.meetingUrl(meeting.id, `/agenda-items/${item.id}/materials`), { name: 'a.txt', contentType: 'text/plain' }, 400, 'material_content_required');
    expect(both.field).toBe('text');
    const badType = await s.refused(s.office, 'POST', s.meetingUrl(meeting.id, `/agenda-items/${item.id}/materials`), { name: 'a', contentType: 'nonsense', text: 'x' }, 400, 'validation_failed');
    expect(badType.field).toBe('contentType');

    await s.schedule(meeting.id);
    const roster = await s.memberships('?at=2024-05-20&roleKind=convener');
    await s.setPresider(meeting.id, roster[0]?.id ?? '');
    await s.moveClock(new Date('2024-05-20T03:00:00Z'));
    await s.markHeld(meeting.id);
    const notInvited = await s.refused(s.office, 'PUT', s.meetingUrl(meeting.id, '/attendance'), { entries: [{ unitId: '00000000-0000-4000-8000-000000000000', status: 'attended' }] }, 422, 'unit_not_invited');
    expect(notInvited.field).toBe('entries.0.unitId');
    const noOpinion = await s.refused(s.office, 'PUT', s.meetingUrl(meeting.id, '/attendance'), { entries: [{ unitId: financeUnitId, status: 'liaison_with_opinion' }] }, 400, 'attendance_detail_required');
    expect(noOpinion.field).toBe('entries.0.opinion');
    const badLead = await s.refused(s.office, 'POST', s.meetingUrl(meeting.id, '/minutes'), {
      proceedings: '正文',
      decidedItems: [{ text: '事项', leadUnitId: '00000000-0000-4000-8000-000000000000', deadline: { kind: 'charter_default' } }],
    }, 422, 'unit_not_member');
    expect(badLead.field).toBe('decidedItems.0.leadUnitId');
    const badDeadline = await s.refused(s.office, 'POST', s.meetingUrl(meeting.id, '/minutes'), {
      proceedings: '正文',
      decidedItems: [{ text: '事项', leadUnitId: financeUnitId, deadline: { kind: 'date', date: '2024-13-01' } }],
    }, 400, 'validation_failed');
    expect(badDeadline.field).toContain('decidedItems.0.deadline');
  });

  it('lets a liaison propose and attach for their own unit only; viewers read; notices go to the outbox', async () => {
    const { s, liaison, financeUnitId, otherUnitId } = await setup();
    const viewer = await s.grantUser('viewer', 'viewer');
    const meeting = await s.createMeeting({ kind: 'plenary', title: '全体会议', startsAt: '2024-05-20T02:00:00.000Z' });
    await s.refused(viewer, 'POST', `${s.base}/meetings`, { kind: 'plenary', title: '会', startsAt: '2024-05-20T02:00:00Z' }, 403, 'forbidden');
    await s.refused(liaison, 'POST', s.meetingUrl(meeting.id, '/schedule'), {}, 403, 'forbidden');
    expect((await s.getMeeting(meeting.id, viewer)).title).toBe('全体会议');
    const outsider = await t.createAccount();
    const outsiderUser = { account: outsider, cookie: await t.signIn(outsider), label: 'outsider' };
    await s.refused(outsiderUser, 'GET', s.meetingUrl(meeting.id), undefined, 403, 'forbidden');

    const own = await s.proposeItem(liaison, meeting.id, { title: '本单位议题', unitId: financeUnitId });
    await s.refused(liaison, 'POST', s.meetingUrl(meeting.id, '/agenda-items'), { title: '无单位' }, 403, 'forbidden');
    const officeItem = await s.proposeItem(s.office, meeting.id, { title: '办公室议题', unitId: otherUnitId });
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x10]);
    const material = await s.call<{ id: string; sizeBytes: number; sha256: string }>(liaison, 'POST', s.meetingUrl(meeting.id, `/agenda-items/${own.id}/materials`), { name: '方案.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', base64: bytes.toString('base64') }, 201);
    expect(material.sizeBytes).toBe(bytes.length);
    await s.refused(liaison, 'POST', s.meetingUrl(meeting.id, `/agenda-items/${officeItem.id}/materials`), { name: 'b.txt', contentType: 'text/plain', text: 'x' }, 403, 'forbidden');
    const download = await s.request(viewer, 'GET', s.meetingUrl(meeting.id, `/materials/${material.id}/content`));
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(bytes)).toBe(true);
    expect(download.headers['content-disposition']).toContain(encodeURIComponent('方案.docx'));
    expect(download.headers['content-disposition']).toContain('filename="meeting-material.docx"');

    // Circulation needs the notice first and the meeting not yet started.
    await s.refused(s.office, 'POST', s.meetingUrl(meeting.id, '/materials/circulate'), undefined, 409, 'meeting_transition_not_allowed');
    await s.decideItem(s.office, meeting.id, own.id, true);
    const before = await t.sql<{ n: string }>(`SELECT count(*)::text AS n FROM outbox WHERE kind = 'notification'`);
    await s.schedule(meeting.id);
    await s.circulate(meeting.id);
    const rows = await t.sql<{ payload: { event: string; bodyId: string; recipients: { kind: string }[] } }>(
      `SELECT payload FROM outbox WHERE kind = 'notification' ORDER BY id DESC LIMIT 2`,
    );
    expect(Number((await t.sql<{ n: string }>(`SELECT count(*)::text AS n FROM outbox WHERE kind = 'notification'`))[0]?.n) - Number(before[0]?.n)).toBe(2);
    expect(rows.map((r) => r.payload.event).sort()).toEqual(['meeting.materials_circulated', 'meeting.scheduled']);
    expect(rows.every((r) => r.payload.bodyId === s.bodyId && r.payload.recipients.some((x) => x.kind === 'unit'))).toBe(true);
    await s.moveClock(new Date('2024-05-20T02:30:00Z'));
    await s.refused(s.office, 'POST', s.meetingUrl(meeting.id, '/materials/circulate'), undefined, 409, 'meeting_already_started');
    const audit = await t.sql<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq`, [meeting.id]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['meeting.create', 'meeting.schedule', 'material.circulate']));
  });

  it('issues nothing when a decided item cannot be assigned: the whole issue rolls back', async () => {
    const { s, convener, convenerPost, financeUnitId } = await setup();
    const meeting = await s.heldMeeting({ kind: 'plenary', title: '全体会议', startsAt: '2024-05-20T02:00:00.000Z', presiderMembershipId: convenerPost.id });
    expect(meeting.status).toBe('held');
    const draft = await s.draftMinutes(meeting.id, {
      proceedings: '正文',
      decidedItems: [{ text: '次日办结', leadUnitId: financeUnitId, coUnitIds: [], deadline: { kind: 'date', date: '2024-05-21' } }],
    });
    await s.signOff(convener, draft.id);
    // Issued two days later the item's date lies before the issue date: refused, and nothing is issued.
    await s.moveClock(new Date('2024-05-22T03:00:00Z'));
    const refused = await s.refused(s.office, 'POST', `${s.base}/minutes/${draft.id}/issue`, undefined, 400, 'deadline_before_issue');
    expect(refused.message).toBeTruthy();
    const after = await s.getMinutes(draft.id);
    expect(after).toMatchObject({ status: 'signed_off', number: null, distribution: null, decisionIds: [] });
    expect((await s.getMeeting(meeting.id)).status).toBe('minutes_signed_off');
    expect(await t.sql(`SELECT id FROM decisions WHERE minutes_id = $1`, [draft.id])).toEqual([]);
    // Editing the signed-off minutes withdraws the sign-off; with a date they are signed and issued as 第1期.
    const edited = await s.call<{ status: string; signedOffAs: string | null }>(s.office, 'PUT', `${s.base}/minutes/${draft.id}`, {
      decidedItems: [{ text: '按期办理', leadUnitId: financeUnitId, coUnitIds: [], deadline: { kind: 'date', date: '2024-06-28' } }],
    });
    expect(edited).toMatchObject({ status: 'draft', signedOffAs: null });
    expect((await s.getMeeting(meeting.id)).status).toBe('minutes_drafted');
    await s.refused(s.office, 'POST', `${s.base}/minutes/${draft.id}/issue`, undefined, 409, 'minutes_transition_not_allowed');
    await s.signOff(convener, draft.id);
    const issued = await s.issue(draft.id);
    expect(issued).toMatchObject({ status: 'issued', number: 1 });
    expect(issued.decisionIds).toHaveLength(1);
  });
});
