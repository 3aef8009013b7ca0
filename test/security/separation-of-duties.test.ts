/**
 * Issue 17 point 1 (三员分立): an administrator account never holds or acquires a business role,
 * directly or through a linked person; no administrator changes its own account's links or roles;
 * the role resolver gives an administrator no body role even when the data says otherwise.
 */
import { expect, it } from 'vitest';
import { heldBodyRoles } from '../../src/policy/held-roles.ts';
import { describeDatabases } from '../integration/harness.ts';
import { MeetingScenario } from '../integration/factories/meetings.ts';

describeDatabases('security: administrators hold no business role', (t) => {
  async function convenerScenario() {
    const now = t.clock.now();
    const today = now.toISOString().slice(0, 10);
    const s = await MeetingScenario.publish(t, { now });
    const [post] = await s.memberships(`?at=${today}&roleKind=convener`);
    if (post === undefined) throw new Error('the synthetic body needs a convener post');
    const { membership } = await s.holderUser(post, { date: today, personName: '召集人甲', label: 'convener' });
    return { s, today, personId: membership.personId ?? '' };
  }

  it('refuses linking an administrator to a person who holds a body role, and linking oneself', async () => {
    const { s, personId } = await convenerScenario();
    const app = await t.app();
    const security = await t.createAccount({ systemRoles: ['security_admin'] });
    const auditor = await t.createAccount({ systemRoles: ['audit_admin'] });
    const cookie = await t.signIn(security);
    // Its own account: refused whatever the person.
    const self = await app.inject({ method: 'PUT', url: `/api/accounts/${security.id}/person`, headers: { cookie }, payload: { personId } });
    expect(self.statusCode, self.body).toBe(403);
    expect(self.json<{ error: { code: string } }>().error.code).toBe('self_administration_forbidden');
    // Another administrator to the convener's person: refused.
    const other = await app.inject({ method: 'PUT', url: `/api/accounts/${auditor.id}/person`, headers: { cookie }, payload: { personId } });
    expect(other.statusCode, other.body).toBe(403);
    expect(other.json<{ error: { code: string } }>().error.code).toBe('administrator_business_role');
    // Nothing was linked; the administrator still reads nothing of the body.
    const [row] = await t.sql<{ person_id: string | null }>('SELECT person_id FROM accounts WHERE id = $1', [auditor.id]);
    expect(row?.person_id).toBeNull();
    const attachments = await app.inject({ method: 'GET', url: `${s.base}/meetings`, headers: { cookie: await t.signIn(auditor) } });
    expect(attachments.statusCode).toBe(403);
    // An ordinary account may be linked to the same person.
    const user = await t.createAccount();
    const ok = await app.inject({ method: 'PUT', url: `/api/accounts/${user.id}/person`, headers: { cookie }, payload: { personId } });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('refuses a body role to an administrator, and a duty to an account that holds one', async () => {
    const { s, personId } = await convenerScenario();
    const app = await t.app();
    const cookie = await t.signIn(await t.createAccount({ systemRoles: ['security_admin'] }));
    const auditor = await t.createAccount({ systemRoles: ['audit_admin'] });
    const grant = await app.inject({ method: 'POST', url: `/api/accounts/${auditor.id}/roles`, headers: { cookie }, payload: { kind: 'body', bodyId: s.bodyId, role: 'office_staff' } });
    expect(grant.statusCode, grant.body).toBe(403);
    expect(grant.json<{ error: { code: string } }>().error.code).toBe('administrator_business_role');
    // An office staff account is made no administrator, nor an account linked to the convener.
    const staff = await t.createAccount({ bodyGrants: [{ bodyId: s.bodyId, role: 'office_staff' }] });
    const linked = await t.createAccount({ personId });
    for (const target of [staff, linked]) {
      const duty = await app.inject({ method: 'POST', url: `/api/accounts/${target.id}/roles`, headers: { cookie }, payload: { kind: 'system', role: 'system_admin' } });
      expect(duty.statusCode, duty.body).toBe(403);
      expect(duty.json<{ error: { code: string } }>().error.code).toBe('administrator_business_role');
    }
    // Nor created as an administrator linked to that person.
    const created = await app.inject({ method: 'POST', url: '/api/accounts', headers: { cookie }, payload: { username: `adm${Date.now().toString(36)}`, displayName: '管理员乙', systemRoles: ['system_admin'], personId } });
    expect(created.statusCode, created.body).toBe(403);
    expect(created.json<{ error: { code: string } }>().error.code).toBe('administrator_business_role');
  });

  it('refuses a membership for a person linked to an administrator account', async () => {
    const { s, today } = await convenerScenario();
    const [person] = await t.sql<{ id: string }>("INSERT INTO people (id, name, normalized_name) VALUES (gen_random_uuid()::text, '管理员本人', '管理员本人') RETURNING id");
    const administrator = await t.createAccount({ systemRoles: ['system_admin'], personId: person?.id ?? null });
    expect(administrator.row.personId).toBe(person?.id);
    const units = await s.units(today);
    const unitId = units[0]?.unitId ?? null;
    const future = new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
    // Proposed by the office: refused before anything is recorded.
    const proposed = await s.request(s.office, 'POST', `${s.base}/membership-changes`, { kind: 'start', roleKind: 'liaison', title: '联络员', unitId, personId: person?.id, effectiveDate: future, reason: '增设' });
    expect(proposed.statusCode, proposed.body).toBe(403);
    expect(proposed.json<{ error: { code: string } }>().error.code).toBe('administrator_business_role');
    // Recorded directly: refused with the same code (and the database's trigger of migration 0016 stands behind it).
    const direct = await s.request(s.office, 'POST', `${s.base}/memberships`, { roleKind: 'liaison', title: '联络员', unitId, personId: person?.id, validFrom: today });
    expect(direct.statusCode, direct.body).toBe(403);
    expect(direct.json<{ error: { code: string } }>().error.code).toBe('administrator_business_role');
    const held = await t.sql<{ count: string }>('SELECT count(*)::text AS count FROM memberships WHERE person_id = $1', [person?.id]);
    expect(held[0]?.count).toBe('0');
  });

  it('gives an administrator no body role even when grants or memberships exist in the data', async () => {
    const { s, today, personId } = await convenerScenario();
    const auditor = await t.createAccount({ systemRoles: ['audit_admin'] });
    // Past the services and the triggers (as a careless operator with the database might do).
    await t.tamper('ALTER TABLE account_body_grants DISABLE TRIGGER account_body_grants_administrator_no_business_role');
    await t.tamper('ALTER TABLE accounts DISABLE TRIGGER accounts_administrator_no_business_role');
    try {
      await t.tamper("INSERT INTO account_body_grants (id, account_id, body_id, role, granted_at) VALUES (gen_random_uuid()::text, $1, $2, 'office_staff', now())", [auditor.id, s.bodyId]);
      await t.tamper('UPDATE accounts SET person_id = $1 WHERE id = $2', [personId, auditor.id]);
    } finally {
      await t.tamper('ALTER TABLE account_body_grants ENABLE TRIGGER account_body_grants_administrator_no_business_role');
      await t.tamper('ALTER TABLE accounts ENABLE TRIGGER accounts_administrator_no_business_role');
    }
    expect(await heldBodyRoles(t.db, { accountId: auditor.id, bodyId: s.bodyId, day: today })).toEqual([]);
    const res = await (await t.app()).inject({ method: 'GET', url: `${s.base}/meetings`, headers: { cookie: await t.signIn(auditor) } });
    expect(res.statusCode).toBe(403);
  });
});
