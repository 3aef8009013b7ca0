/**
 * Issue 19 point 3 (built by the membership-change workflow, issue 11 item 3): a liaison records no
 * membership directly and proposes nothing for another unit; each refusal is audited as a failure.
 * The full rules (self-nomination, people of another body) are tested in
 * test/integration/membership-changes.test.ts.
 */
import { expect, it } from 'vitest';
import { describeDatabases } from '../integration/harness.ts';
import { MeetingScenario } from '../integration/factories/meetings.ts';

describeDatabases('security: a liaison is no shortcut into the body', (t) => {
  it('refuses a liaison recording memberships directly or proposing for another unit, and audits each refusal', async () => {
    const now = t.clock.now();
    const today = now.toISOString().slice(0, 10);
    const s = await MeetingScenario.publish(t, { now });
    const units = await s.units(today);
    const own = units[0];
    const other = units[1];
    if (own === undefined || other === undefined) throw new Error('the synthetic body needs two member units');
    const liaisonMembership = await s.startMembership({ roleKind: 'liaison', title: '联络员', unitId: own.unitId, personName: '联络员安', validFrom: today });
    const liaison = await s.personUser(liaisonMembership.personId ?? '', 'liaison');
    const [head] = await t.sql<{ last_seq: string }>('SELECT last_seq::text AS last_seq FROM audit_chain_head');

    const direct = await s.request(liaison, 'POST', `${s.base}/memberships`, { roleKind: 'liaison', title: '联络员', unitId: own.unitId, personName: '外来者', validFrom: today });
    expect(direct.statusCode).toBe(403);
    const future = new Date(now.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    const foreignUnit = await s.request(liaison, 'POST', `${s.base}/membership-changes`, { kind: 'start', roleKind: 'member', title: '成员', unitId: other.unitId, personName: '他人', effectiveDate: future, reason: '增设' });
    expect(foreignUnit.statusCode).toBe(403);

    const rows = await t.sql<{ action: string; actor_id: string; result: string }>(
      'SELECT action, actor_id, result FROM audit_log WHERE seq > $1 ORDER BY seq',
      [Number(head?.last_seq ?? 0)],
    );
    expect(rows.filter((row) => row.action === 'access.refused' && row.actor_id === liaison.account.id && row.result === 'failure')).toHaveLength(2);
    const roster = await s.memberships(`?at=${today}`);
    expect(roster.some((m) => m.personName === '外来者' || m.personName === '他人')).toBe(false);
  });

  it('issue 17 point 2: a liaison adds no member role for itself, and nobody confirms their own change or their own post', async () => {
    const now = t.clock.now();
    const today = now.toISOString().slice(0, 10);
    const future = new Date(now.getTime() + 14 * 86_400_000).toISOString().slice(0, 10);
    const s = await MeetingScenario.publish(t, { now });
    const [own] = await s.units(today);
    if (own === undefined) throw new Error('the synthetic body needs a member unit');
    const liaisonMembership = await s.startMembership({ roleKind: 'liaison', title: '联络员', unitId: own.unitId, personName: '联络员丙', validFrom: today });
    const liaison = await s.personUser(liaisonMembership.personId ?? '', 'liaison');
    const url = `${s.base}/membership-changes`;
    // Itself as its unit's member: by its person, by its name, directly — all refused, nothing recorded.
    await s.refused(liaison, 'POST', url, { kind: 'start', roleKind: 'member', title: '成员', unitId: own.unitId, personId: liaisonMembership.personId, effectiveDate: future, reason: '兼任' }, 422, 'membership_self_nomination');
    await s.refused(liaison, 'POST', url, { kind: 'start', roleKind: 'member', title: '成员', unitId: own.unitId, personName: ' 联络员 丙 ', effectiveDate: future, reason: '兼任' }, 422, 'membership_self_nomination');
    const direct = await s.request(liaison, 'POST', `${s.base}/memberships`, { roleKind: 'member', title: '成员', unitId: own.unitId, personId: liaisonMembership.personId, validFrom: today });
    expect(direct.statusCode).toBe(403);
    const members = await s.memberships(`?at=${future}&roleKind=member&unitId=${own.unitId}`);
    expect(members.some((m) => m.personId === liaisonMembership.personId)).toBe(false);

    // The office proposes; the proposer cannot confirm it, nor can the person it appoints.
    const proposed = await s.call<{ id: string }>(s.office, 'POST', url, { kind: 'start', roleKind: 'member', title: '成员', unitId: own.unitId, personId: liaisonMembership.personId, effectiveDate: future, reason: '增设' }, 201);
    await s.refused(s.office, 'POST', `${url}/${proposed.id}/confirm`, {}, 403, 'membership_own_proposal');
    expect((await s.request(liaison, 'POST', `${url}/${proposed.id}/confirm`, {})).statusCode).toBe(403);
    const nomineeAsStaff = await t.createAccount({ personId: liaisonMembership.personId ?? null, bodyGrants: [{ bodyId: s.bodyId, role: 'office_staff' }] });
    const nomineeStaff = { account: nomineeAsStaff, cookie: await t.signIn(nomineeAsStaff), label: 'nominee office staff' };
    await s.refused(nomineeStaff, 'POST', `${url}/${proposed.id}/confirm`, {}, 403, 'membership_own_post');
    // Another office staff confirms it.
    const other = await s.grantUser('office_staff', 'office 2');
    const confirmed = await s.call<{ status: string }>(other, 'POST', `${url}/${proposed.id}/confirm`, {});
    expect(confirmed.status).toBe('confirmed');
  });
});
