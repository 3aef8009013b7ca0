import { expect, it } from 'vitest';
import { describeDatabases } from './harness.ts';
import { bodyUser, foundingText, outsider, publishTestBody } from './factories/bodies.ts';

interface Unit {
  id: string;
  name: string;
  regionCode: string | null;
  aliases: string[];
}
interface UnitPage {
  unit: Unit;
  bodies: { body: { id: string; name: string }; periods: { lead: boolean }[]; hostsOffice: boolean; roles: { roleKind: string; title: string }[] }[];
}

describeDatabases('units', (t) => {
  it('keeps one directory: a unit named by two bodies of one region is one unit, with every body on its page', async () => {
    const app = await t.app();
    const a = await publishTestBody(t);
    const b = await publishTestBody(t, { admin: a.admin, text: foundingText({ units: ['省商务厅', '省民政厅'] }).text });
    // The same name in another region is another unit.
    // The latest sign-in: an administrator holds one session at a time (issue 17), so b's sign-in ended a's.
    const admin = b.adminCookie;
    const elsewhere = await app.inject({
      method: 'POST',
      url: '/api/bodies',
      headers: { cookie: admin },
      payload: { text: foundingText().text, corrections: { body: { regionCode: '450000' } } },
    });
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);

    const { cookie } = await outsider(t);
    const found = await app.inject({ method: 'GET', url: `/api/units?q=${encodeURIComponent('省商务厅')}&limit=200`, headers: { cookie } });
    expect(found.statusCode).toBe(200);
    const units = found.json<{ items: Unit[] }>().items.filter((u) => u.name === '省商务厅');
    expect(units.map((u) => u.regionCode).sort()).toEqual(['440000', '450000']);
    const guangdong = units.find((u) => u.regionCode === '440000');
    const inRegion = await app.inject({ method: 'GET', url: '/api/units?region=440000&limit=200', headers: { cookie } });
    expect(inRegion.json<{ items: Unit[] }>().items.every((u) => u.regionCode === '440000')).toBe(true);

    // A user inside both Guangdong bodies sees both on the unit's page, with the roles there.
    const both = await t.createAccount({ bodyGrants: [{ bodyId: a.id, role: 'viewer' }, { bodyId: b.id, role: 'viewer' }] });
    const bothCookie = await t.signIn(both);
    const page = await app.inject({ method: 'GET', url: `/api/units/${guangdong?.id}`, headers: { cookie: bothCookie } });
    expect(page.statusCode, page.body).toBe(200);
    const pageBody = page.json<UnitPage>();
    expect(pageBody.bodies.map((e) => e.body.id).sort()).toEqual([a.id, b.id].sort());
    for (const entry of pageBody.bodies) {
      expect(entry.periods).toMatchObject([{ lead: true }]);
      expect(entry.hostsOffice).toBe(true);
      expect(entry.roles.map((r) => [r.roleKind, r.title])).toContainEqual(['deputy_convener', '副召集人']);
    }
    // Someone inside only one of them sees only that one; an outsider sees none.
    const one = await bodyUser(t, b.id, 'viewer');
    const onePage = await app.inject({ method: 'GET', url: `/api/units/${guangdong?.id}`, headers: { cookie: one.cookie } });
    expect(onePage.json<UnitPage>().bodies.map((e) => e.body.id)).toEqual([b.id]);
    const nonePage = await app.inject({ method: 'GET', url: `/api/units/${guangdong?.id}`, headers: { cookie } });
    expect(nonePage.json<UnitPage>().bodies).toEqual([]);

    const missing = await app.inject({ method: 'GET', url: '/api/units/00000000-0000-4000-8000-000000000000', headers: { cookie } });
    expect(missing.statusCode).toBe(404);
    const badRegion = await app.inject({ method: 'GET', url: '/api/units?region=44', headers: { cookie } });
    expect(badRegion.statusCode).toBe(400);
    expect(badRegion.json<{ error: { field: string } }>().error.field).toBe('region');
  });

  it('matches a unit by its aliases and by a spelling with spaces, full-width letters or a trailing 等', async () => {
    const app = await t.app();
    const admin = await t.createAccount({ systemRoles: ['system_admin'] });
    const cookie = await t.signIn(admin);
    const tag = foundingText().tag;
    const publish = async (add: { name: string; aliases?: string[] }): Promise<string> => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/bodies',
        headers: { cookie },
        payload: { text: foundingText().text, corrections: { memberUnits: { add: [add] } } },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ body: { id: string } }>().body.id;
    };
    const first = await publish({ name: `人民银行${tag}分行`, aliases: [`外汇管理局${tag}分局`] });
    const second = await publish({ name: `外汇管理局${tag}分局` });
    const third = await publish({ name: `人民银行 ${tag}\u3000分行` });
    const fourth = await publish({ name: `ＡＢＣ${tag}中心` });
    const fifth = await publish({ name: `ABC${tag}中心等` });

    const viewer = await t.createAccount({
      bodyGrants: [first, second, third, fourth, fifth].map((bodyId) => ({ bodyId, role: 'viewer' as const })),
    });
    const viewerCookie = await t.signIn(viewer);
    const units = await app.inject({ method: 'GET', url: `/api/units?q=${encodeURIComponent(tag)}`, headers: { cookie: viewerCookie } });
    const items = units.json<{ items: Unit[] }>().items;
    expect(items).toHaveLength(2);
    const bank = items.find((u) => u.name.startsWith('人民银行'));
    expect(bank?.aliases).toEqual([`外汇管理局${tag}分局`]);
    const bankPage = await app.inject({ method: 'GET', url: `/api/units/${bank?.id}`, headers: { cookie: viewerCookie } });
    expect(bankPage.json<UnitPage>().bodies.map((e) => e.body.id).sort()).toEqual([first, second, third].sort());
    const centre = items.find((u) => u.id !== bank?.id);
    const centrePage = await app.inject({ method: 'GET', url: `/api/units/${centre?.id}`, headers: { cookie: viewerCookie } });
    expect(centrePage.json<UnitPage>().bodies.map((e) => e.body.id).sort()).toEqual([fourth, fifth].sort());
  });
});
