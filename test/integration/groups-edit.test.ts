/**
 * Groups editable (issue 11 item 4): seed 004's thematic groups have no lead unit and nothing could
 * set one, so no group meeting could be held (专题组细则第九条 组长主持). The office sets a group's
 * lead units, member units and its own 组长 / 副组长 (audited, kept as a correction across a
 * re-import); the group's meeting is presided by its leader and invites its leaders and members.
 */
import { expect, it } from 'vitest';
import { describeDatabases } from './harness.ts';
import { bodyUser, foundingText, publishTestBody } from './factories/bodies.ts';
import { MeetingScenario, seedText } from './factories/meetings.ts';
import type { Membership } from './factories/meetings.ts';
import type { GroupResponse } from '../../src/contracts/groups.ts';

const NOW = new Date('2026-03-02T01:00:00Z');
const TODAY = '2026-03-02';

describeDatabases('groups editable by the office', (t) => {
  it('004: a thematic group gets a lead unit and a 组长, and its meeting is held, presided by that leader', async () => {
    const s = await MeetingScenario.seed(t, '004', NOW);
    const groups = await s.groups();
    const group = groups.find((g) => g.kind === 'thematic');
    if (!group) throw new Error('no thematic group');
    expect(group.leadUnits).toEqual([]);
    expect(group.leaders).toEqual([]);

    // The text lists no member units: the office adds them as corrections of an import.
    const memberUnits = { add: [{ name: '市测试甲局' }, { name: '市测试乙局' }, { name: '市测试丙局' }] };
    const withUnits = await s.request(s.office, 'POST', `${s.base}/charter-versions`, { text: seedText('004'), corrections: { memberUnits } });
    expect(withUnits.statusCode, withUnits.body).toBe(201);
    const [unitA, unitB, unitC] = await s.units(TODAY);
    if (!unitA || !unitB || !unitC) throw new Error('too few member units');
    const memberA = await s.startMembership({ roleKind: 'member', title: '成员', unitId: unitA.unitId, personName: '组长甲', validFrom: TODAY });
    const memberB = await s.startMembership({ roleKind: 'member', title: '成员', unitId: unitB.unitId, personName: '副组长乙', validFrom: TODAY });
    const memberUser = await s.personUser(memberA.personId ?? '', 'member A');

    // The dead end: nobody may preside over the group's meeting.
    const blocked = await s.createMeeting({ kind: 'group', title: '专题组会议（调整前）', startsAt: '2026-03-20T02:00:00.000Z', groupId: group.id });
    await s.schedule(blocked.id);
    const refusal = await s.refused(s.office, 'PUT', s.meetingUrl(blocked.id, '/presider'), { membershipId: memberA.id }, 422, 'presider_not_allowed');
    expect(refusal.clause?.clause).toBe('第九条');

    // Only the office edits a group, and says why.
    const url = `${s.base}/groups/${group.id}`;
    await s.refused(memberUser, 'PUT', url, { leadUnitIds: [unitA.unitId], reason: '自行调整' }, 403, 'forbidden');
    await s.refused(s.office, 'PUT', url, { leadUnitIds: [unitA.unitId] }, 400, 'validation_failed');
    await s.refused(s.office, 'PUT', url, { leadUnitIds: [unitA.unitId], memberUnitIds: [unitA.unitId], reason: '调整' }, 422, 'group_unit_both_lead_and_member');

    const edited = await s.call<GroupResponse>(s.office, 'PUT', url, {
      leadUnitIds: [unitA.unitId],
      memberUnitIds: [unitB.unitId, unitC.unitId],
      reason: '根据协调小组第1次会议，明确牵头单位和成员单位',
    });
    expect(edited.leadUnits.map((u) => u.id)).toEqual([unitA.unitId]);
    expect(edited.memberUnits.map((u) => u.id).sort()).toEqual([unitB.unitId, unitC.unitId].sort());
    expect(edited.correction).toMatchObject({ parts: ['leadUnits', 'memberUnits'], updatedBy: s.office.account.id });

    // Leaders: people of this body only, one 组长.
    const foreign = await publishTestBody(t, { text: foundingText({ roster: [{ title: '召集人', person: '外人乙', position: '省人民政府副省长' }] }).text });
    const foreignOffice = await bodyUser(t, foreign.id, 'office_staff');
    const foreignMemberships = await s.app.inject({ method: 'GET', url: `/api/bodies/${foreign.id}/memberships`, headers: { cookie: foreignOffice.cookie } });
    const foreignPersonId = foreignMemberships.json<{ items: Membership[] }>().items[0]?.personId;
    await s.refused(s.office, 'PUT', url, { leaders: [{ personId: foreignPersonId, title: '组长' }], reason: '指定组长' }, 422, 'leader_not_in_body');
    await s.refused(
      s.office,
      'PUT',
      url,
      { leaders: [{ personId: memberA.personId, title: '组长' }, { personId: memberB.personId, title: '组长' }], reason: '指定组长' },
      422,
      'group_too_many_leads',
    );
    const led = await s.call<GroupResponse>(s.office, 'PUT', url, {
      leaders: [{ personId: memberB.personId, title: '副组长' }, { personId: memberA.personId, title: '组长' }],
      reason: '由牵头单位分管负责同志任组长',
    });
    expect(led.leaders.map((l) => [l.personName, l.title])).toEqual([
      ['组长甲', '组长'],
      ['副组长乙', '副组长'],
    ]);
    expect(led.leadUnits.map((u) => u.id)).toEqual([unitA.unitId]);

    // Audited with who and why.
    const auditor = await t.createAccount({ systemRoles: ['audit_admin'] });
    const audit = await s.app.inject({ method: 'GET', url: `/api/audit?action=group.correct&entityId=${group.id}`, headers: { cookie: await t.signIn(auditor) } });
    expect(audit.statusCode, audit.body).toBe(200);
    const rows = audit.json<{ items: { actorId: string | null; after: { correction: { reason: string } } }[] }>().items;
    expect(rows.length).toBe(2);
    expect(rows.every((r) => r.actorId === s.office.account.id)).toBe(true);
    expect(rows.map((r) => r.after.correction.reason)).toContain('由牵头单位分管负责同志任组长');

    // The group's meeting: its leaders and members are invited, its 组长 presides, and it is held.
    const meeting = await s.createMeeting({ kind: 'group', title: '专题组会议', startsAt: '2026-03-25T02:00:00.000Z', groupId: group.id });
    const scheduled = await s.schedule(meeting.id);
    const invited = scheduled.invitees as (typeof scheduled.invitees[number] & { title: string | null })[];
    expect(invited[0]).toMatchObject({ personName: '组长甲', title: '组长' });
    expect(invited.map((i) => i.unitId)).toEqual(expect.arrayContaining([unitA.unitId, unitB.unitId, unitC.unitId]));
    expect(invited.filter((i) => i.personName === '组长甲')).toHaveLength(1);
    const presided = await s.setPresider(meeting.id, memberA.id);
    expect(presided.presider?.personName).toBe('组长甲');
    // The deputy group leader (副组长) is not the 组长 the rule names.
    await s.refused(s.office, 'PUT', s.meetingUrl(meeting.id, '/presider'), { membershipId: memberB.id }, 422, 'presider_not_allowed');
    await s.moveClock(new Date('2026-03-25T06:00:00Z'));
    const held = await s.markHeld(meeting.id);
    expect(held.status).toBe('held');
    expect(held.presider?.personName).toBe('组长甲');

    // A re-import of the charter keeps the office's correction.
    const reimported = await s.request(s.office, 'POST', `${s.base}/charter-versions`, { text: seedText('004'), corrections: { memberUnits, flags: { noSeal: true } } });
    expect(reimported.statusCode, reimported.body).toBe(201);
    const after = (await s.groups()).find((g) => g.id === group.id);
    expect(after?.leadUnits.map((u) => u.id)).toEqual([unitA.unitId]);
    expect(after?.memberUnits.map((u) => u.id).sort()).toEqual([unitB.unitId, unitC.unitId].sort());
    expect(after?.leaders.map((l) => l.personName)).toEqual(['组长甲', '副组长乙']);
    expect(after?.correction?.parts).toEqual(['leadUnits', 'memberUnits', 'leaders']);
    // Other groups are as the charter states them.
    expect(groups.filter((g) => g.id !== group.id).every((g) => g.correction === null)).toBe(true);
  });
});
