/**
 * Membership changes by the charter (issue 11 item 3; issue 17 point 2; issue 19 point 3): a unit
 * proposes, the body confirms as the charter says, and only then the change takes effect on its
 * date. Seeds 000/002/003 (成员…由所在单位提出，联席会议确定), 001 (联络员…须与工作专班办公室联系变更)
 * and a synthetic charter that says nothing (the default: the office confirms, and says so).
 */
import { expect, it } from 'vitest';
import { describeDatabases } from './harness.ts';
import { bodyUser, foundingText, publishTestBody } from './factories/bodies.ts';
import { MeetingScenario } from './factories/meetings.ts';
import type { Membership, ScenarioUser } from './factories/meetings.ts';

interface Change {
  id: string;
  kind: string;
  status: string;
  membershipId: string | null;
  personName: string | null;
  effectiveDate: string;
  confirmer: 'office' | 'convener' | 'plenary';
  basis: { kind: 'rule'; clause: { clause: string | null; text: string } } | { kind: 'default'; text: string };
  proposedBy: { accountId: string; as: string };
  decidedBy: { accountId: string; as: string | null; note: string | null } | null;
  meetingId: string | null;
  startedMembershipId: string | null;
  tookEffectOn: string | null;
}

const NOW = new Date('2026-03-02T01:00:00Z');
const DATE = '2026-04-01';
const DEFAULT_PREFIX = '本机构制度未规定，按系统默认规则';

/** A named member of a member unit (the office names one where the post is vacant) and a liaison of that unit, signed in. */
async function unitWithLiaison(
  s: MeetingScenario,
  tag: string,
  index = 0,
): Promise<{ member: Membership; liaison: ScenarioUser; liaisonMembership: Membership; otherUnitId: string }> {
  const today = '2026-03-02';
  const units = await s.units(today);
  const members = (await s.memberships(`?at=${today}&roleKind=member`)).filter((m) => m.unitId !== null);
  let member = members[index];
  if (member === undefined) {
    const unit = units[index];
    if (!unit) throw new Error('no member unit');
    member = await s.startMembership({ roleKind: 'member', title: '成员', unitId: unit.unitId, personName: `成员${tag}甲`, validFrom: today });
  } else if (member.personId === null) {
    member = await s.changeHolder(member.id, today, `成员${tag}甲`);
  }
  const unitId = member.unitId ?? '';
  const liaisonMembership = await s.startMembership({ roleKind: 'liaison', title: '联络员', unitId, personName: `联络${tag}甲`, validFrom: today });
  const liaison = await s.personUser(liaisonMembership.personId ?? '', `liaison ${tag}`);
  const other = units.find((u) => u.unitId !== unitId);
  if (!other) throw new Error('only one member unit');
  return { member, liaison, liaisonMembership, otherUnitId: other.unitId };
}

describeDatabases('membership changes by the charter', (t) => {
  // A seed text is published once per database: the 000 tests share one body (each its own unit).
  let seed000: MeetingScenario | undefined;
  async function body000(): Promise<MeetingScenario> {
    seed000 ??= await MeetingScenario.seed(t, '000', NOW);
    return seed000;
  }

  for (const seed of ['000', '002', '003']) {
    it(`${seed}: a liaison's member change waits for the plenary (联席会议确定); the office records it with its basis`, async () => {
      const s = seed === '000' ? await body000() : await MeetingScenario.seed(t, seed, NOW);
      const { member, liaison } = await unitWithLiaison(s, seed);

      // The liaison no longer changes a membership directly (it used to take effect at once).
      await s.refused(liaison, 'POST', `${s.base}/memberships/${member.id}/change`, { date: DATE, personName: '成员乙' }, 403, 'forbidden');

      const proposed = await s.call<Change>(
        liaison,
        'POST',
        `${s.base}/membership-changes`,
        { kind: 'handover', membershipId: member.id, effectiveDate: DATE, personName: `成员${seed}乙`, reason: '工作变动' },
        201,
      );
      expect(proposed).toMatchObject({ status: 'proposed', confirmer: 'plenary', proposedBy: { as: 'liaison' }, decidedBy: null });
      expect(proposed.basis.kind).toBe('rule');
      if (proposed.basis.kind === 'rule') expect(proposed.basis.clause.text).toContain('联席会议确定');
      // Nothing has changed yet.
      expect((await s.memberships(`?at=${DATE}&roleKind=member`)).find((m) => m.id === member.id)?.validTo).toBeNull();

      // The office may not take the shortcut either: the charter names the plenary.
      const direct = await s.refused(s.office, 'POST', `${s.base}/memberships/${member.id}/change`, { date: DATE, personName: '成员丙' }, 422, 'membership_change_needs_confirmation');
      expect(direct.clause?.text).toContain('联席会议确定');

      // The office records the plenary's decision only with a basis.
      const noBasis = await s.refused(s.office, 'POST', `${s.base}/membership-changes/${proposed.id}/confirm`, {}, 422, 'membership_plenary_basis_required');
      expect(noBasis.clause?.text).toContain('由所在单位提出');
      // The liaison cannot confirm its own proposal.
      await s.refused(liaison, 'POST', `${s.base}/membership-changes/${proposed.id}/confirm`, { note: '自行确认' }, 403, 'forbidden');

      const confirmed = await s.call<Change>(s.office, 'POST', `${s.base}/membership-changes/${proposed.id}/confirm`, { note: '经联席会议全体会议审议确定' });
      expect(confirmed).toMatchObject({ status: 'confirmed', confirmer: 'plenary', tookEffectOn: DATE, decidedBy: { as: 'office_staff', note: '经联席会议全体会议审议确定' } });
      expect(confirmed.decidedBy?.accountId).toBe(s.office.account.id);
      expect(confirmed.proposedBy.accountId).toBe(liaison.account.id);
      const unitMembers = (at: string) => s.memberships(`?at=${at}&roleKind=member&unitId=${member.unitId}`);
      expect((await unitMembers('2026-03-31')).map((m) => m.personName)).toContain(member.personName);
      expect((await unitMembers(DATE)).map((m) => m.personName)).toEqual([`成员${seed}乙`]);

      // Decided once only.
      await s.refused(s.office, 'POST', `${s.base}/membership-changes/${proposed.id}/reject`, { note: '重复' }, 409, 'membership_change_decided');
    });
  }

  it('000: nobody confirms their own proposal; the convener is not the plenary; a held plenary meeting is a basis', async () => {
    const s = await body000();
    const { member } = await unitWithLiaison(s, '零', 1);
    const proposed = await s.call<Change>(
      s.office,
      'POST',
      `${s.base}/membership-changes`,
      { kind: 'end', membershipId: member.id, effectiveDate: DATE, reason: '退休' },
      201,
    );
    expect(proposed.proposedBy.as).toBe('office_staff');
    const own = await s.refused(s.office, 'POST', `${s.base}/membership-changes/${proposed.id}/confirm`, { note: '全体会议已确定' }, 403, 'membership_own_proposal');
    expect(own.clause?.clause).toBe('二、成员单位');

    const [convenerPost] = await s.memberships('?at=2026-03-02&roleKind=convener');
    if (!convenerPost) throw new Error('no convener post');
    const { user: convener, membership: convenerMembership } = await s.holderUser(convenerPost, { date: '2026-03-02', personName: '召集人甲', label: 'convener' });
    const notPlenary = await s.refused(convener, 'POST', `${s.base}/membership-changes/${proposed.id}/confirm`, {}, 403, 'membership_confirmer_not_allowed');
    expect(notPlenary.clause?.text).toContain('联席会议确定');

    // A plenary meeting not yet held is no basis; once held, it is.
    const other = await s.grantUser('office_staff', 'office 2');
    const meeting = await s.createMeeting({ kind: 'plenary', title: '全体会议', startsAt: '2026-03-10T02:00:00.000Z' });
    await s.refused(other, 'POST', `${s.base}/membership-changes/${proposed.id}/confirm`, { meetingId: meeting.id }, 422, 'meeting_not_held_plenary');
    await s.schedule(meeting.id);
    await s.setPresider(meeting.id, convenerMembership.id);
    await s.moveClock(new Date('2026-03-10T06:00:00Z'));
    await s.markHeld(meeting.id);
    const confirmed = await s.call<Change>(other, 'POST', `${s.base}/membership-changes/${proposed.id}/confirm`, { meetingId: meeting.id });
    expect(confirmed).toMatchObject({ status: 'confirmed', meetingId: meeting.id, tookEffectOn: DATE });
    expect((await s.memberships(`?at=${DATE}&roleKind=member&unitId=${member.unitId}`)).map((m) => m.id)).not.toContain(member.id);
  });

  it('000: a liaison adds no role for itself, no one from another body, nothing for another unit', async () => {
    const s = await body000();
    const { member, liaison, liaisonMembership, otherUnitId } = await unitWithLiaison(s, '壹', 2);
    const unitId = member.unitId ?? '';
    const url = `${s.base}/membership-changes`;

    // Itself as the unit's member, by its person or by its name: refused, with the clause.
    const self = await s.refused(liaison, 'POST', url, { kind: 'start', roleKind: 'member', title: '成员', unitId, personId: liaisonMembership.personId, effectiveDate: DATE, reason: '兼任' }, 422, 'membership_self_nomination');
    expect(self.clause?.clause).toBe('二、成员单位');
    await s.refused(liaison, 'POST', url, { kind: 'start', roleKind: 'member', title: '成员', unitId, personName: liaisonMembership.personName, effectiveDate: DATE, reason: '兼任' }, 422, 'membership_self_nomination');
    await s.refused(liaison, 'POST', url, { kind: 'handover', membershipId: member.id, personId: liaisonMembership.personId, effectiveDate: DATE, reason: '接任' }, 422, 'membership_self_nomination');

    // A person of another body is no shortcut into this one.
    const foreign = await publishTestBody(t, { text: foundingText({ roster: [{ title: '召集人', person: '外人甲', position: '省人民政府副省长' }] }).text });
    const foreignOffice = await bodyUser(t, foreign.id, 'office_staff');
    const foreignPeople = await s.app.inject({ method: 'GET', url: `/api/bodies/${foreign.id}/memberships?roleKind=convener`, headers: { cookie: foreignOffice.cookie } });
    const foreignPersonId = foreignPeople.json<{ items: Membership[] }>().items[0]?.personId;
    expect(foreignPersonId).toBeTruthy();
    await s.refused(liaison, 'POST', url, { kind: 'start', roleKind: 'liaison', title: '联络员', unitId, personId: foreignPersonId, effectiveDate: DATE, reason: '增设' }, 422, 'person_not_in_body');

    // Another unit's records are not its to propose; nor a date in the past.
    await s.refused(liaison, 'POST', url, { kind: 'start', roleKind: 'member', title: '成员', unitId: otherUnitId, personName: '他人', effectiveDate: DATE, reason: '增设' }, 403, 'forbidden');
    await s.refused(liaison, 'POST', url, { kind: 'handover', membershipId: member.id, personName: '补任', effectiveDate: '2026-01-01', reason: '补记' }, 422, 'effective_date_in_past');
    // Nothing was recorded for this unit.
    expect((await s.call<{ items: (Change & { unitId: string })[] }>(s.office, 'GET', url)).items.filter((c) => c.unitId === unitId)).toEqual([]);
  });

  it('001: a liaison is replaced only through the office (须与工作专班办公室联系变更)', async () => {
    const s = await MeetingScenario.seed(t, '001', NOW);
    const [unit] = await s.units('2026-03-02');
    if (!unit) throw new Error('no member unit');
    const liaisonMembership = await s.startMembership({ roleKind: 'liaison', title: '联络员', unitId: unit.unitId, personName: '联络员甲', validFrom: '2026-03-02' });
    const liaison = await s.personUser(liaisonMembership.personId ?? '', 'liaison');

    // It used to replace itself.
    await s.refused(liaison, 'POST', `${s.base}/memberships/${liaisonMembership.id}/change`, { date: DATE, personName: '联络员乙' }, 403, 'forbidden');
    const proposed = await s.call<Change>(
      liaison,
      'POST',
      `${s.base}/membership-changes`,
      { kind: 'handover', membershipId: liaisonMembership.id, personName: '联络员乙', effectiveDate: DATE, reason: '岗位调整' },
      201,
    );
    expect(proposed).toMatchObject({ confirmer: 'office', holderName: '联络员甲', personName: '联络员乙', basis: { kind: 'rule', clause: { clause: '三、（二）联络员制度' } } });
    await s.refused(liaison, 'POST', `${s.base}/membership-changes/${proposed.id}/confirm`, {}, 403, 'forbidden');
    expect((await s.memberships(`?at=${DATE}&roleKind=liaison`)).map((m) => m.personName)).toEqual(['联络员甲']);

    const confirmed = await s.call<Change>(s.office, 'POST', `${s.base}/membership-changes/${proposed.id}/confirm`, {});
    expect(confirmed).toMatchObject({ status: 'confirmed', decidedBy: { as: 'office_staff' }, tookEffectOn: DATE });
    expect((await s.memberships(`?at=${DATE}&roleKind=liaison`)).map((m) => m.personName)).toEqual(['联络员乙']);

    // The office staff who propose do not confirm themselves; another staff member does.
    const own = await s.call<Change>(s.office, 'POST', `${s.base}/membership-changes`, { kind: 'end', membershipId: confirmed.startedMembershipId, effectiveDate: '2026-05-01', reason: '不再设联络员' }, 201);
    const refusal = await s.refused(s.office, 'POST', `${s.base}/membership-changes/${own.id}/confirm`, {}, 403, 'membership_own_proposal');
    expect(refusal.clause?.clause).toBe('三、（二）联络员制度');
    const colleague = await s.grantUser('office_staff', 'office 2');
    const rejected = await s.call<Change>(colleague, 'POST', `${s.base}/membership-changes/${own.id}/reject`, { note: '仍需联络员' });
    expect(rejected).toMatchObject({ status: 'rejected', decidedBy: { accountId: colleague.account.id, note: '仍需联络员' } });
  });

  it('a silent charter: the office confirms by default, and a refusal says it is the default', async () => {
    const s = await MeetingScenario.publish(t, { now: NOW });
    const { member, liaison } = await unitWithLiaison(s, '默');
    const proposed = await s.call<Change>(liaison, 'POST', `${s.base}/membership-changes`, { kind: 'handover', membershipId: member.id, personName: '成员默乙', effectiveDate: DATE, reason: '工作变动' }, 201);
    expect(proposed.confirmer).toBe('office');
    expect(proposed.basis.kind).toBe('default');
    if (proposed.basis.kind === 'default') expect(proposed.basis.text.startsWith(DEFAULT_PREFIX)).toBe(true);
    const own = await s.call<Change>(s.office, 'POST', `${s.base}/membership-changes`, { kind: 'end', membershipId: member.id, effectiveDate: '2026-05-01', reason: '调离' }, 201);
    const refusal = await s.refused(s.office, 'POST', `${s.base}/membership-changes/${own.id}/confirm`, {}, 403, 'membership_own_proposal');
    expect(refusal.clause?.text.startsWith(DEFAULT_PREFIX)).toBe(true);
    expect(refusal.clause?.clause).toBeNull();
    const confirmed = await s.call<Change>(s.office, 'POST', `${s.base}/membership-changes/${proposed.id}/confirm`, {});
    expect(confirmed.status).toBe('confirmed');
    // The office also records such changes directly, audited with why.
    const direct = await s.call<{ started: Membership }>(s.office, 'POST', `${s.base}/memberships/${confirmed.startedMembershipId}/change`, {
      date: '2026-06-01',
      personName: '成员默丙',
      reason: '依据单位来函',
    });
    expect(direct.started.personName).toBe('成员默丙');
  });
});
