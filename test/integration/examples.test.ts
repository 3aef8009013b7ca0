import { pino } from 'pino';
import { expect, it } from 'vitest';
import { describeDatabases } from './harness.ts';
import { publishExampleBodies } from '../../src/services/example-bodies-service.ts';
import { startHooks } from '../../src/start/start-hooks.ts';
import type { StartContext } from '../../src/start/start-hook.ts';

interface Summary {
  id: string;
  name: string;
  kind: string;
  level: string | null;
  regionCode: string | null;
}
interface Membership {
  roleKind: string;
  title: string;
  personName: string | null;
  unitName: string | null;
}
interface Group {
  kind: string;
  name: string;
  leadUnits: { name: string }[];
  memberUnits: { name: string }[];
}

describeDatabases('example bodies', (t) => {
  it('publishes the five founding documents at first start and nothing again at the second', async () => {
    const app = await t.app();
    const lines: string[] = [];
    const context: StartContext = {
      db: t.db,
      config: t.config,
      clock: t.clock,
      logger: pino({ level: 'silent' }),
      examples: false,
      print: (line) => lines.push(line),
    };
    const hook = startHooks.find((h) => h.name === 'example-bodies');
    expect(hook).toBeDefined();
    await hook?.run(context);
    expect(await t.sql('select id from bodies')).toEqual([]);

    await hook?.run({ ...context, examples: true });
    expect(lines.filter((l) => l.includes('example body published'))).toHaveLength(5);
    const second = await publishExampleBodies(t.db, { clock: t.clock });
    expect(second.map((o) => o.outcome)).toEqual(['skipped', 'skipped', 'skipped', 'skipped', 'skipped']);
    const counts = await t.sql<{ bodies: string; versions: string }>(
      'select (select count(*) from bodies)::text as bodies, (select count(*) from charter_versions)::text as versions',
    );
    expect(counts).toEqual([{ bodies: '5', versions: '5' }]);
    const audit = await t.sql<{ n: string }>(`select count(*)::text as n from audit_log where action = 'body.publish'`);
    expect(audit).toEqual([{ n: '5' }]);

    const reader = await t.createAccount();
    const cookie = await t.signIn(reader);
    const list = await app.inject({ method: 'GET', url: '/api/bodies', headers: { cookie } });
    const bodies = list.json<{ items: Summary[] }>().items;
    expect(bodies.map((b) => b.name).sort()).toEqual(
      [
        '广东省服务贸易发展部门间联席会议',
        '广东省支持广州市服务业扩大开放综合试点工作专班',
        '国务院推进贸易高质量发展部际联席会议',
        '桂林市政务服务工作联席会议',
        '启东市政府推进政府职能转变和“放管服”改革协调小组',
      ].sort(),
    );
    const byName = (part: string): Summary => {
      const found = bodies.find((b) => b.name.includes(part));
      if (!found) throw new Error(`no body ${part}`);
      return found;
    };
    const national = byName('国务院推进贸易高质量发展');
    expect(national).toMatchObject({ kind: 'joint_meeting', level: 'national', regionCode: null });
    expect(byName('工作专班')).toMatchObject({ kind: 'task_force', regionCode: '440000' });
    const taskForces = await app.inject({ method: 'GET', url: '/api/bodies?kind=task_force', headers: { cookie } });
    expect(taskForces.json<{ items: Summary[] }>().items.map((b) => b.id)).toEqual([byName('工作专班').id]);
    const guangxi = await app.inject({ method: 'GET', url: '/api/bodies?region=450000', headers: { cookie } });
    expect(guangxi.json<{ items: Summary[] }>().items.map((b) => b.name)).toEqual(['桂林市政务服务工作联席会议']);

    // Inside the national body: who was the convener on the day of issue.
    const office = await t.createAccount({
      bodyGrants: bodies.map((b) => ({ bodyId: b.id, role: 'office_staff' as const })),
    });
    const officeCookie = await t.signIn(office);
    const conveners = await app.inject({
      method: 'GET',
      url: `/api/bodies/${national.id}/memberships?at=2020-07-22&roleKind=convener`,
      headers: { cookie: officeCookie },
    });
    expect(conveners.json<{ items: Membership[] }>().items.map((m) => m.personName)).toEqual(['胡春华']);
    const deputies = await app.inject({ method: 'GET', url: `/api/bodies/${national.id}/memberships?at=2020-07-22&roleKind=deputy_convener`, headers: { cookie: officeCookie } });
    expect(deputies.json<{ items: Membership[] }>().items.map((m) => m.personName)).toContain('钟山');
    expect((await app.inject({ method: 'GET', url: `/api/bodies/${national.id}/memberships?at=2020-07-21`, headers: { cookie: officeCookie } })).json<{ items: Membership[] }>().items).toEqual([]);

    // 桂林: the charter's own title 组长 on a convener.
    const guilin = byName('桂林市');
    const guilinConvener = await app.inject({ method: 'GET', url: `/api/bodies/${guilin.id}/memberships?roleKind=convener`, headers: { cookie: officeCookie } });
    expect(guilinConvener.json<{ items: Membership[] }>().items.map((m) => m.title)).toEqual(['组长']);

    // 启东: six thematic and three support groups.
    const qidong = byName('启东市');
    const groups = (await app.inject({ method: 'GET', url: `/api/bodies/${qidong.id}/groups`, headers: { cookie: officeCookie } })).json<{ items: Group[] }>().items;
    expect(groups.filter((g) => g.kind === 'thematic')).toHaveLength(6);
    expect(groups.filter((g) => g.kind === 'support')).toHaveLength(3);

    // The task force's nine coordination categories; one unit both leads and belongs to one of them.
    const taskForce = byName('工作专班');
    const categories = (await app.inject({ method: 'GET', url: `/api/bodies/${taskForce.id}/groups`, headers: { cookie: officeCookie } })).json<{ items: Group[] }>().items;
    expect(categories.filter((g) => g.kind === 'category')).toHaveLength(9);
    expect(categories.some((g) => g.leadUnits.some((l) => g.memberUnits.some((m) => m.name === l.name)))).toBe(true);

    // 省商务厅 of the two Guangdong bodies is one unit, whose page lists both.
    const units = (await app.inject({ method: 'GET', url: `/api/units?q=${encodeURIComponent('省商务厅')}&region=440000`, headers: { cookie } })).json<{
      items: { id: string; name: string }[];
    }>().items;
    expect(units.map((u) => u.name)).toEqual(['省商务厅']);
    const page = await app.inject({ method: 'GET', url: `/api/units/${units[0]?.id}`, headers: { cookie: officeCookie } });
    const entries = page.json<{ bodies: { body: { name: string }; hostsOffice: boolean }[] }>().bodies;
    expect(entries.map((e) => e.body.name).sort()).toEqual(['广东省服务贸易发展部门间联席会议', '广东省支持广州市服务业扩大开放综合试点工作专班'].sort());
    expect(entries.every((e) => e.hostsOffice)).toBe(true);

    // The Guangdong joint meeting's 35 stated member units.
    const trade = byName('服务贸易');
    const tradeUnits = await app.inject({ method: 'GET', url: `/api/bodies/${trade.id}/units`, headers: { cookie: officeCookie } });
    expect(tradeUnits.json<{ items: unknown[] }>().items).toHaveLength(35);
  });
});
