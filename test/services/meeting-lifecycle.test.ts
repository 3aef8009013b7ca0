/**
 * The meeting lifecycle through the services (no HTTP): draft → scheduled (invitees from the
 * memberships valid on the day, the notice in the outbox) → held (only after its start, with a
 * presider) → minutes drafted, signed off and issued with their decided items; each step audited.
 */
import { expect, it } from 'vitest';
import { createMeeting } from '../../src/services/meetings/create-meeting.ts';
import { scheduleMeeting } from '../../src/services/meetings/schedule-meeting.ts';
import { cancelMeeting, markHeld, postponeMeeting } from '../../src/services/meetings/meeting-lifecycle.ts';
import { setPresider } from '../../src/services/meetings/set-presider.ts';
import { listMeetingInvitees } from '../../src/services/meetings/invitees.ts';
import { draftMinutes } from '../../src/services/meetings/draft-minutes.ts';
import { signOffMinutes } from '../../src/services/meetings/sign-off-minutes.ts';
import { issueMinutes } from '../../src/services/meetings/issue-minutes.ts';
import { getMeeting } from '../../src/services/meetings/meeting-views.ts';
import { describeServices } from './service-context.ts';
import { ROSTER, holderAccount, membershipOf, publishTestBody } from './factories.ts';

describeServices('meeting lifecycle (services)', (s) => {
  async function setup() {
    s.clock.set(new Date('2024-05-06T01:00:00Z'));
    const body = await publishTestBody(s, { roster: ROSTER });
    const convenerPost = await membershipOf(s, body.id, '2024-05-06', { roleKind: 'convener' });
    const convener = await holderAccount(s, convenerPost);
    return { body, convenerPost, convener };
  }

  it('walks draft → scheduled → held → minutes issued, refusing steps out of order', async () => {
    const { body, convenerPost, convener } = await setup();
    const office = body.office;
    const meeting = await createMeeting(s.db, {
      bodyId: body.id,
      input: { kind: 'plenary', title: '全体会议', startsAt: new Date('2024-05-20T02:00:00Z') },
      origin: s.origin(office),
    });
    expect(meeting.status).toBe('draft');
    await expect(markHeld(s.db, { bodyId: body.id, meetingId: meeting.id, origin: s.origin(office) })).rejects.toMatchObject({
      code: 'meeting_transition_not_allowed',
      status: 409,
    });

    const scheduled = await scheduleMeeting(s.db, { bodyId: body.id, meetingId: meeting.id, origin: s.origin(office) });
    expect(scheduled.status).toBe('scheduled');
    const invitees = await listMeetingInvitees(s.db, { bodyId: body.id, meetingId: meeting.id });
    const invitedUnits = new Set(invitees.filter((i) => i.kind === 'member' && i.unitId !== null).map((i) => i.unitId));
    for (const unit of body.units) expect(invitedUnits.has(unit.unitId), unit.name).toBe(true);
    expect(invitees.some((i) => i.personName === '张三')).toBe(true);
    const notices = await s.sql<{ event: string }>(`SELECT payload->>'event' AS event FROM outbox WHERE kind = 'notification' AND payload->>'bodyId' = $1`, [body.id]);
    expect(notices.map((n) => n.event)).toContain('meeting.scheduled');

    await expect(markHeld(s.db, { bodyId: body.id, meetingId: meeting.id, origin: s.origin(office) })).rejects.toMatchObject({ code: 'meeting_not_started' });
    s.clock.set(new Date('2024-05-20T03:00:00Z'));
    await expect(markHeld(s.db, { bodyId: body.id, meetingId: meeting.id, origin: s.origin(office) })).rejects.toMatchObject({ code: 'presider_required' });
    s.clock.set(new Date('2024-05-20T01:00:00Z'));
    await setPresider(s.db, { bodyId: body.id, meetingId: meeting.id, membershipId: convenerPost.id, origin: s.origin(office) });
    s.clock.set(new Date('2024-05-20T03:00:00Z'));
    expect((await markHeld(s.db, { bodyId: body.id, meetingId: meeting.id, origin: s.origin(office) })).status).toBe('held');
    await expect(cancelMeeting(s.db, { bodyId: body.id, meetingId: meeting.id, reason: '太晚了', origin: s.origin(office) })).rejects.toMatchObject({
      code: 'meeting_transition_not_allowed',
    });

    const lead = body.units[1];
    if (lead === undefined) throw new Error('the synthetic body has several units');
    const draft = await draftMinutes(s.db, {
      bodyId: body.id,
      meetingId: meeting.id,
      input: { proceedings: '会议研究了有关事项。', decidedItems: [{ text: '按期报送实施方案', leadUnitId: lead.unitId, coUnitIds: [], deadline: { kind: 'date', date: '2024-06-28' } }] },
      origin: s.origin(office),
    });
    expect(draft.status).toBe('draft');
    // The office may not sign off: the charter gives it to the convener.
    await expect(signOffMinutes(s.db, { bodyId: body.id, minutesId: draft.id, origin: s.origin(office) })).rejects.toMatchObject({ status: 403 });
    expect((await signOffMinutes(s.db, { bodyId: body.id, minutesId: draft.id, origin: s.origin(convener) })).status).toBe('signed_off');
    const issued = await issueMinutes(s.db, { bodyId: body.id, minutesId: draft.id, origin: s.origin(office) });
    expect(issued).toMatchObject({ status: 'issued', number: 1 });
    expect(issued.decisionIds).toHaveLength(1);
    expect((await getMeeting(s.db, { bodyId: body.id, meetingId: meeting.id })).status).toBe('minutes_issued');

    const audit = await s.sql<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq`, [meeting.id]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['meeting.create', 'meeting.schedule']));
  });

  it('needs a reason to cancel or postpone, and postpones only a scheduled meeting', async () => {
    const { body } = await setup();
    const origin = () => s.origin(body.office);
    const meeting = await createMeeting(s.db, { bodyId: body.id, input: { kind: 'plenary', title: '专题会议', startsAt: new Date('2024-06-20T02:00:00Z') }, origin: origin() });
    await expect(cancelMeeting(s.db, { bodyId: body.id, meetingId: meeting.id, reason: '  ', origin: origin() })).rejects.toMatchObject({ code: 'reason_required', field: 'reason' });
    await expect(postponeMeeting(s.db, { bodyId: body.id, meetingId: meeting.id, reason: '尚未通知', origin: origin() })).rejects.toMatchObject({
      code: 'meeting_transition_not_allowed',
    });
    const cancelled = await cancelMeeting(s.db, { bodyId: body.id, meetingId: meeting.id, reason: '议题合并到全体会议', origin: origin() });
    expect(cancelled).toMatchObject({ status: 'cancelled', statusReason: '议题合并到全体会议' });
    await expect(scheduleMeeting(s.db, { bodyId: body.id, meetingId: meeting.id, origin: origin() })).rejects.toMatchObject({ code: 'meeting_transition_not_allowed' });
  });

  it('refuses a meeting in the past and one that ends before it starts, naming the field', async () => {
    const { body } = await setup();
    const origin = s.origin(body.office);
    await expect(createMeeting(s.db, { bodyId: body.id, input: { kind: 'plenary', title: '会', startsAt: new Date('2024-05-01T02:00:00Z') }, origin })).rejects.toMatchObject({
      code: 'meeting_in_past',
      field: 'startsAt',
    });
    await expect(
      createMeeting(s.db, {
        bodyId: body.id,
        input: { kind: 'plenary', title: '会', startsAt: new Date('2024-06-01T02:00:00Z'), endsAt: new Date('2024-06-01T01:00:00Z') },
        origin,
      }),
    ).rejects.toMatchObject({ code: 'meeting_ends_before_start', field: 'endsAt' });
  });
});
