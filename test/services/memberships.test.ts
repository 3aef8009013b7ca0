/**
 * Memberships (任职) through the services: a started membership holds from its first day, an ended
 * one no longer holds on its end date, a change of holder ends one and starts its successor on the
 * same day, and bad dates are refused naming the field.
 */
import { expect, it } from 'vitest';
import { changeMembership, endMembership, listMemberships, startMembership } from '../../src/services/membership-service.ts';
import { describeServices } from './service-context.ts';
import { ROSTER, membershipOf, publishTestBody } from './factories.ts';

describeServices('memberships (services)', (s) => {
  async function setup() {
    s.clock.set(new Date('2024-05-06T01:00:00Z'));
    const body = await publishTestBody(s, { roster: ROSTER });
    const unit = body.units[2];
    if (unit === undefined) throw new Error('the synthetic body has four units');
    return { body, unit };
  }

  it('holds a started liaison from its first day, and no longer from its end date', async () => {
    const { body, unit } = await setup();
    const origin = () => s.origin(body.office);
    const liaison = await startMembership(s.db, {
      bodyId: body.id,
      input: { roleKind: 'liaison', title: '联络员', unitId: unit.unitId, personName: '联络员孙', position: '处长', validFrom: '2024-06-01' },
      origin: origin(),
    });
    expect(liaison).toMatchObject({ roleKind: 'liaison', unitId: unit.unitId, personName: '联络员孙', validFrom: '2024-06-01', validTo: null });
    const holding = async (at: string) => (await listMemberships(s.db, { bodyId: body.id, at, roleKind: 'liaison' })).map((m) => m.id);
    expect(await holding('2024-05-31')).not.toContain(liaison.id);
    expect(await holding('2024-06-01')).toContain(liaison.id);

    await expect(endMembership(s.db, { bodyId: body.id, membershipId: liaison.id, validTo: '2024-05-01', origin: origin() })).rejects.toMatchObject({
      code: 'end_before_start',
      field: 'validTo',
    });
    await expect(endMembership(s.db, { bodyId: body.id, membershipId: liaison.id, validTo: '2024-02-30', origin: origin() })).rejects.toMatchObject({
      code: 'invalid_date',
      field: 'validTo',
    });
    const ended = await endMembership(s.db, { bodyId: body.id, membershipId: liaison.id, validTo: '2024-09-01', reason: '工作调整', origin: origin() });
    expect(ended.validTo).toBe('2024-09-01');
    expect(await holding('2024-08-31')).toContain(liaison.id);
    expect(await holding('2024-09-01')).not.toContain(liaison.id);
    await expect(endMembership(s.db, { bodyId: body.id, membershipId: liaison.id, validTo: '2024-10-01', origin: origin() })).rejects.toMatchObject({
      code: 'membership_already_ended',
    });
    const audit = await s.sql<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY seq`, [liaison.id]);
    expect(audit.map((a) => a.action)).toEqual(['membership.start', 'membership.end']);
  });

  it('changes the holder of a post: the old one ends and the successor starts the same day', async () => {
    const { body } = await setup();
    const member = await membershipOf(s, body.id, '2024-05-06', { roleKind: 'member', personName: '王五' });
    const { ended, started } = await changeMembership(s.db, {
      bodyId: body.id,
      membershipId: member.id,
      date: '2024-07-01',
      successor: { personName: '周七', position: '省发展改革委副主任' },
      origin: s.origin(body.office),
    });
    expect(ended).toMatchObject({ id: member.id, validTo: '2024-07-01' });
    expect(started).toMatchObject({ roleKind: 'member', unitId: member.unitId, title: member.title, personName: '周七', validFrom: '2024-07-01' });
    const holderOn = async (at: string) =>
      (await listMemberships(s.db, { bodyId: body.id, at, roleKind: 'member', ...(member.unitId === null ? {} : { unitId: member.unitId }) })).map((m) => m.personName);
    expect(await holderOn('2024-06-30')).toEqual(['王五']);
    expect(await holderOn('2024-07-01')).toEqual(['周七']);
  });

  it('refuses a list for a date that is not one', async () => {
    const { body } = await setup();
    await expect(listMemberships(s.db, { bodyId: body.id, at: '2024-7-1' })).rejects.toMatchObject({ code: 'invalid_date', field: 'at' });
  });
});
