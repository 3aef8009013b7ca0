/**
 * Agenda approval through the services: a liaison proposes for their own unit only, the office
 * proposes in its own right, the role the charter allows approves or rejects (a rejection needs a
 * reason), a decided item is not decided twice, and a cancelled meeting takes no more items.
 */
import { expect, it } from 'vitest';
import { createMeeting } from '../../src/services/meetings/create-meeting.ts';
import { decideAgendaItem, proposeAgendaItem } from '../../src/services/meetings/agenda-items.ts';
import { getMeeting } from '../../src/services/meetings/meeting-views.ts';
import { cancelMeeting } from '../../src/services/meetings/meeting-lifecycle.ts';
import { startMembership } from '../../src/services/membership-service.ts';
import { describeServices } from './service-context.ts';
import { ROSTER, account, holderAccount, membershipOf, publishTestBody } from './factories.ts';

describeServices('agenda approval (services)', (s) => {
  async function setup() {
    s.clock.set(new Date('2024-05-06T01:00:00Z'));
    const body = await publishTestBody(s, { roster: ROSTER });
    const finance = await membershipOf(s, body.id, '2024-05-06', { roleKind: 'member', personName: '赵六' });
    if (finance.unitId === null) throw new Error('the member 赵六 stands for a unit');
    const other = body.units.find((u) => u.unitId !== finance.unitId);
    if (other === undefined) throw new Error('the body has other units');
    const liaisonPost = await startMembership(s.db, {
      bodyId: body.id,
      input: { roleKind: 'liaison', title: '联络员', unitId: finance.unitId, personName: '联络员钱', position: null, validFrom: '2024-05-01' },
      origin: s.origin(body.office),
    });
    const liaison = await holderAccount(s, liaisonPost);
    const meeting = await createMeeting(s.db, {
      bodyId: body.id,
      input: { kind: 'plenary', title: '全体会议', startsAt: new Date('2024-05-20T02:00:00Z') },
      origin: s.origin(body.office),
    });
    return { body, financeUnitId: finance.unitId, otherUnitId: other.unitId, liaison, meeting };
  }

  it('lets a liaison propose for their own unit only, and the office for any unit', async () => {
    const { body, financeUnitId, otherUnitId, liaison, meeting } = await setup();
    const ids = { bodyId: body.id, meetingId: meeting.id };
    const own = await proposeAgendaItem(s.db, { ...ids, input: { title: '本单位议题', unitId: financeUnitId }, origin: s.origin(liaison) });
    expect(own).toMatchObject({ title: '本单位议题', status: 'proposed', proposedByUnitId: financeUnitId });
    await expect(proposeAgendaItem(s.db, { ...ids, input: { title: '他单位议题', unitId: otherUnitId }, origin: s.origin(liaison) })).rejects.toMatchObject({
      code: 'forbidden',
      status: 403,
      field: 'unitId',
    });
    await expect(proposeAgendaItem(s.db, { ...ids, input: { title: '无单位' }, origin: s.origin(liaison) })).rejects.toMatchObject({ code: 'agenda_unit_required' });
    const officeItem = await proposeAgendaItem(s.db, { ...ids, input: { title: '办公室议题' }, origin: s.origin(body.office) });
    expect(officeItem.proposedByUnitId).toBeNull();
    await expect(proposeAgendaItem(s.db, { ...ids, input: { title: '   ' }, origin: s.origin(body.office) })).rejects.toMatchObject({ code: 'title_required', field: 'title' });

    const outsider = await account(s);
    await expect(proposeAgendaItem(s.db, { ...ids, input: { title: '外人议题', unitId: financeUnitId }, origin: s.origin(outsider) })).rejects.toMatchObject({ status: 403 });
  });

  it('approves and rejects by the charter gate; a rejection needs a reason; an item is decided once', async () => {
    const { body, financeUnitId, liaison, meeting } = await setup();
    const ids = { bodyId: body.id, meetingId: meeting.id };
    const first = await proposeAgendaItem(s.db, { ...ids, input: { title: '议题一', unitId: financeUnitId }, origin: s.origin(liaison) });
    const second = await proposeAgendaItem(s.db, { ...ids, input: { title: '议题二', unitId: financeUnitId }, origin: s.origin(liaison) });

    // The liaison who proposed may not approve.
    await expect(decideAgendaItem(s.db, { ...ids, itemId: first.id, approve: true, origin: s.origin(liaison) })).rejects.toMatchObject({ status: 403 });
    const approved = await decideAgendaItem(s.db, { ...ids, itemId: first.id, approve: true, origin: s.origin(body.office) });
    expect(approved.status).toBe('approved');
    await expect(decideAgendaItem(s.db, { ...ids, itemId: first.id, approve: false, reason: '重复', origin: s.origin(body.office) })).rejects.toMatchObject({
      code: 'agenda_item_already_decided',
      status: 409,
    });
    await expect(decideAgendaItem(s.db, { ...ids, itemId: second.id, approve: false, reason: ' ', origin: s.origin(body.office) })).rejects.toMatchObject({
      code: 'reason_required',
      field: 'reason',
    });
    const rejected = await decideAgendaItem(s.db, { ...ids, itemId: second.id, approve: false, reason: '与其他议题重复', origin: s.origin(body.office) });
    expect(rejected).toMatchObject({ status: 'rejected', decisionReason: '与其他议题重复' });

    const detail = await getMeeting(s.db, ids);
    expect(detail.agenda.map((item) => [item.title, item.status])).toEqual([
      ['议题一', 'approved'],
      ['议题二', 'rejected'],
    ]);
    const audit = await s.sql<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = ANY($1::text[]) ORDER BY seq`, [[first.id, second.id]]);
    expect(audit.map((a) => a.action).filter((a) => a.startsWith('agenda'))).toHaveLength(4);
  });

  it('refuses to propose to a cancelled meeting', async () => {
    const { body, financeUnitId, liaison, meeting } = await setup();
    await cancelMeeting(s.db, { bodyId: body.id, meetingId: meeting.id, reason: '议题合并到下次会议', origin: s.origin(body.office) });
    await expect(
      proposeAgendaItem(s.db, { bodyId: body.id, meetingId: meeting.id, input: { title: '迟到的议题', unitId: financeUnitId }, origin: s.origin(liaison) }),
    ).rejects.toMatchObject({ code: 'meeting_transition_not_allowed', status: 409 });
  });
});
