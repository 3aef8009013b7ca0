/**
 * Issue 15: the office's person picker for a post (GET /api/bodies/:bodyId/person-choices). The
 * office finds, by name, persons who already exist — created for an account by the security
 * administrator, or sitting in a body the reader sees — and records one as a holder by id, so that
 * the person is not created twice. Persons known only in bodies the reader does not see are left
 * out; only the office may search.
 */
import { expect, it } from 'vitest';
import { describeDatabases } from './harness.ts';
import { bodyUser, outsider, personUser, publishTestBody, uniqueTag } from './factories/bodies.ts';

interface Choice {
  id: string;
  name: string;
  memberships: { bodyId: string; bodyName: string; roleKind: string; title: string; unitName: string | null; validTo: string | null }[];
  hasAccount: boolean;
}
interface Membership {
  id: string;
  roleKind: string;
  unitId: string | null;
  personId: string | null;
  personName: string | null;
}

describeDatabases('person choices (the office picks an existing person for a post)', (t) => {
  /** A published body, its office and a unit's vacant post to fill. */
  async function officeBody() {
    const app = await t.app();
    const body = await publishTestBody(t);
    const office = await bodyUser(t, body.id, 'office_staff');
    const res = await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/units?at=2024-01-01`, headers: { cookie: office.cookie } });
    expect(res.statusCode, res.body).toBe(200);
    const unitIds = res.json<{ items: { unitId: string }[] }>().items.map((u) => u.unitId);
    if (unitIds.length < 2) throw new Error('the synthetic body has member units');
    const startLiaison = async (unitId: string, holder: { personName: string } | { personId: string }) => {
      const started = await app.inject({
        method: 'POST',
        url: `/api/bodies/${body.id}/memberships`,
        headers: { cookie: office.cookie },
        payload: { roleKind: 'liaison', title: '联络员', unitId, validFrom: '2024-01-01', ...holder },
      });
      expect(started.statusCode, started.body).toBe(201);
      return started.json<Membership>();
    };
    return { app, body, office, unitIds, startLiaison };
  }

  it('finds by name the persons of the bodies the office sees, persons without a post and persons with an account; never one known only elsewhere', { timeout: 180_000 }, async () => {
    const tag = uniqueTag();
    const a = await officeBody();
    const b = await officeBody();
    const app = a.app;
    const security = await t.signIn(await t.createAccount({ systemRoles: ['security_admin'] }));

    // 甲 holds a post in A; 乙 only in B; 丙 only in B but signs in with an account; 丁 was created for an account, no post anywhere.
    const inA = await a.startLiaison(a.unitIds[0] ?? '', { personName: `${tag}甲` });
    await b.startLiaison(b.unitIds[0] ?? '', { personName: `${tag}乙` });
    const withAccount = await b.startLiaison(b.unitIds[1] ?? '', { personName: `${tag}丙` });
    await personUser(t, withAccount.personId ?? '');
    const created = await app.inject({ method: 'POST', url: '/api/people', headers: { cookie: security }, payload: { name: `${tag}丁` } });
    expect(created.statusCode, created.body).toBe(201);
    const free = created.json<{ id: string }>();

    const choices = async (cookie: string, search: string, bodyId = a.body.id) =>
      app.inject({ method: 'GET', url: `/api/bodies/${bodyId}/person-choices?search=${encodeURIComponent(search)}`, headers: { cookie } });
    const found = await choices(a.office.cookie, tag);
    expect(found.statusCode, found.body).toBe(200);
    const items = found.json<{ items: Choice[] }>().items;
    expect(items.map((c) => c.name)).toEqual([`${tag}丁`, `${tag}丙`, `${tag}甲`].sort());
    const byName = new Map(items.map((c) => [c.name, c]));
    expect(byName.get(`${tag}甲`)).toMatchObject({ id: inA.personId, hasAccount: false });
    expect(byName.get(`${tag}甲`)?.memberships).toMatchObject([{ bodyId: a.body.id, bodyName: a.body.name, roleKind: 'liaison', title: '联络员', validTo: null }]);
    // 丙's post is in B, which A's office does not see: the person is offered, the post is not shown.
    expect(byName.get(`${tag}丙`)).toMatchObject({ hasAccount: true, memberships: [] });
    expect(byName.get(`${tag}丁`)).toMatchObject({ id: free.id, hasAccount: false, memberships: [] });
    expect(found.body).not.toContain(b.body.name);

    // Someone in the office of both bodies sees 乙 too, with B's post.
    const both = await t.signIn(await t.createAccount({ bodyGrants: [{ bodyId: a.body.id, role: 'office_staff' }, { bodyId: b.body.id, role: 'office_staff' }] }));
    const wider = (await choices(both, `${tag}乙`)).json<{ items: Choice[] }>().items;
    expect(wider.map((c) => [c.name, c.memberships.map((m) => m.bodyName)])).toEqual([[`${tag}乙`, [b.body.name]]]);

    // The office records the free person as a liaison by id: no second person of that name.
    const started = await a.startLiaison(a.unitIds[1] ?? '', { personId: free.id });
    expect(started).toMatchObject({ personId: free.id, personName: `${tag}丁` });
    const again = (await choices(a.office.cookie, `${tag}丁`)).json<{ items: Choice[] }>().items;
    expect(again.map((c) => c.id)).toEqual([free.id]);
    expect(again[0]?.memberships.map((m) => m.bodyId)).toEqual([a.body.id]);

    // A limit is honoured; a blank search is refused with the field named.
    const one = (await app.inject({ method: 'GET', url: `/api/bodies/${a.body.id}/person-choices?search=${encodeURIComponent(tag)}&limit=1`, headers: { cookie: a.office.cookie } })).json<{ items: Choice[] }>();
    expect(one.items).toHaveLength(1);
    const blank = await choices(a.office.cookie, ' ');
    expect(blank.statusCode).toBe(400);
    expect(blank.json<{ error: { code: string; field?: string } }>().error).toMatchObject({ code: 'validation_failed' });
  });

  it('is the office’s alone: a liaison, a viewer, an outsider and the security administrator are refused', { timeout: 180_000 }, async () => {
    const a = await officeBody();
    const liaisonMembership = await a.startLiaison(a.unitIds[0] ?? '', { personName: `${uniqueTag()}联` });
    const liaison = await personUser(t, liaisonMembership.personId ?? '');
    const viewer = await bodyUser(t, a.body.id, 'viewer');
    const stranger = await outsider(t);
    const security = await t.signIn(await t.createAccount({ systemRoles: ['security_admin'] }));
    for (const cookie of [liaison.cookie, viewer.cookie, stranger.cookie, security]) {
      const res = await a.app.inject({ method: 'GET', url: `/api/bodies/${a.body.id}/person-choices?search=${encodeURIComponent('联')}`, headers: { cookie } });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('forbidden');
    }
    const anonymous = await a.app.inject({ method: 'GET', url: `/api/bodies/${a.body.id}/person-choices?search=x` });
    expect(anonymous.statusCode).toBe(401);
  });
});
