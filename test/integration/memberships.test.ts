import { expect, it } from 'vitest';
import { describeDatabases } from './harness.ts';
import { bodyUser, foundingText, outsider, personUser, publishTestBody } from './factories/bodies.ts';
import type { RosterLine } from './factories/bodies.ts';

interface ErrorBody {
  error: { code: string; field?: string };
}
interface Membership {
  id: string;
  roleKind: string;
  title: string;
  unitId: string | null;
  unitName: string | null;
  personId: string | null;
  personName: string | null;
  position: string | null;
  validFrom: string;
  validTo: string | null;
  vacant: boolean;
}

const ROSTER: RosterLine[] = [
  { title: '召集人', person: '张三', position: '省人民政府副省长' },
  { title: '副召集人', person: '李四', position: '省商务厅厅长' },
  { title: '成员', person: '王五', position: '省发展改革委副主任' },
  { title: '成员', person: '赵六', position: '省财政厅副厅长' },
];

describeDatabases('memberships', (t) => {
  async function setup() {
    const app = await t.app();
    const body = await publishTestBody(t, { text: foundingText({ roster: ROSTER }).text });
    const office = await bodyUser(t, body.id, 'office_staff');
    const list = async (query = ''): Promise<Membership[]> => {
      const res = await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/memberships${query}`, headers: { cookie: office.cookie } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ items: Membership[] }>().items;
    };
    return { app, body, office, list };
  }

  it('starts the roster on the issue date; a role without a person is a vacancy', async () => {
    const { list } = await setup();
    const all = await list();
    expect(all.map((m) => [m.roleKind, m.title, m.personName, m.unitName, m.validFrom, m.validTo])).toEqual([
      ['convener', '召集人', '张三', null, '2023-03-01', null],
      ['deputy_convener', '副召集人', '李四', '省商务厅', '2023-03-01', null],
      ['member', '成员', '王五', '省发展改革委', '2023-03-01', null],
      ['member', '成员', '赵六', '省财政厅', '2023-03-01', null],
    ]);
    expect(await list('?at=2023-02-28')).toEqual([]);

    // A text whose roles name no person: vacancies for the office to fill.
    const vacant = await publishTestBody(t);
    const office = await bodyUser(t, vacant.id, 'office_staff');
    const app = await t.app();
    const res = await app.inject({ method: 'GET', url: `/api/bodies/${vacant.id}/memberships`, headers: { cookie: office.cookie } });
    const items = res.json<{ items: Membership[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((m) => m.vacant && m.personId === null && m.position !== null)).toBe(true);
  });

  it('changes who holds a post: the old one ends and the successor starts on the same day, audited', async () => {
    const { app, body, office, list } = await setup();
    const [convener] = await list('?roleKind=convener');
    expect(convener?.personName).toBe('张三');
    const res = await app.inject({
      method: 'POST',
      url: `/api/bodies/${body.id}/memberships/${convener?.id}/change`,
      headers: { cookie: office.cookie },
      payload: { date: '2025-01-15', personName: '钱　八', position: '省人民政府副省长' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { ended, started } = res.json<{ ended: Membership; started: Membership }>();
    expect(ended).toMatchObject({ personName: '张三', validTo: '2025-01-15' });
    expect(started).toMatchObject({ roleKind: 'convener', title: '召集人', personName: '钱八', validFrom: '2025-01-15', validTo: null });

    expect((await list('?at=2025-01-14&roleKind=convener')).map((m) => m.personName)).toEqual(['张三']);
    expect((await list('?at=2025-01-15&roleKind=convener')).map((m) => m.personName)).toEqual(['钱八']);

    const audit = await t.sql<{ action: string; actor_id: string }>(`select action, actor_id from audit_log where entity_type = 'membership' and entity_id = $1`, [convener?.id]);
    expect(audit).toEqual([{ action: 'membership.change', actor_id: office.account.id }]);

    const again = await app.inject({
      method: 'POST',
      url: `/api/bodies/${body.id}/memberships/${convener?.id}/end`,
      headers: { cookie: office.cookie },
      payload: { validTo: '2026-01-01' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<ErrorBody>().error.code).toBe('membership_already_ended');
  });

  it('changes a deputy whose post is in a unit that is not a member unit (省政府办公厅)', async () => {
    const app = await t.app();
    const roster: RosterLine[] = [
      { title: '召集人', person: '张三', position: '省人民政府副省长' },
      { title: '副召集人', person: '孙七', position: '省政府办公厅副主任' },
      { title: '成员', person: '王五', position: '省发展改革委副主任' },
    ];
    const body = await publishTestBody(t, { text: foundingText({ roster }).text });
    const office = await bodyUser(t, body.id, 'office_staff');
    const res = await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/memberships?roleKind=deputy_convener`, headers: { cookie: office.cookie } });
    const [deputy] = res.json<{ items: Membership[] }>().items;
    expect(deputy).toMatchObject({ personName: '孙七', unitName: '省政府办公厅' });
    const changed = await app.inject({
      method: 'POST',
      url: `/api/bodies/${body.id}/memberships/${deputy?.id}/change`,
      headers: { cookie: office.cookie },
      payload: { date: '2025-03-01', personName: '周九', position: '省政府办公厅副主任' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<{ started: Membership }>().started).toMatchObject({ personName: '周九', unitName: '省政府办公厅', roleKind: 'deputy_convener' });
  });

  it('checks dates and units, naming the field', async () => {
    const { app, body, office, list } = await setup();
    const [member] = await list('?roleKind=member');
    const headers = { cookie: office.cookie };
    const cases: { url: string; payload: object; status: number; field: string }[] = [
      { url: `/api/bodies/${body.id}/memberships/${member?.id}/end`, payload: { validTo: '2023-03-01' }, status: 422, field: 'validTo' },
      { url: `/api/bodies/${body.id}/memberships/${member?.id}/end`, payload: { validTo: '2023-3-1' }, status: 400, field: 'validTo' },
      { url: `/api/bodies/${body.id}/memberships/${member?.id}/change`, payload: { date: '2020-01-01', personName: '某人' }, status: 422, field: 'date' },
      { url: `/api/bodies/${body.id}/memberships`, payload: { roleKind: 'member', title: '成员', validFrom: '2024-01-01' }, status: 400, field: 'unitId' },
      {
        url: `/api/bodies/${body.id}/memberships`,
        payload: { roleKind: 'liaison', title: '联络员', unitId: member?.unitId, validFrom: '2024-02-01', validTo: '2024-01-01' },
        status: 400,
        field: 'validTo',
      },
      { url: `/api/bodies/${body.id}/memberships`, payload: { roleKind: 'chair', title: '主席', validFrom: '2024-01-01' }, status: 400, field: 'roleKind' },
    ];
    for (const c of cases) {
      const res = await app.inject({ method: 'POST', url: c.url, headers, payload: c.payload });
      expect(res.statusCode, `${c.url} ${JSON.stringify(c.payload)} ${res.body}`).toBe(c.status);
      expect(res.json<ErrorBody>().error.field).toBe(c.field);
    }
    const other = await publishTestBody(t, { text: foundingText({ units: ['省民政厅', '省司法厅'] }).text });
    const otherOffice = await bodyUser(t, other.id, 'office_staff');
    const otherUnits = await app.inject({ method: 'GET', url: `/api/bodies/${other.id}/units`, headers: { cookie: otherOffice.cookie } });
    const foreignUnit = otherUnits.json<{ items: { unitId: string }[] }>().items[0]?.unitId;
    const notMember = await app.inject({
      method: 'POST',
      url: `/api/bodies/${body.id}/memberships`,
      headers,
      payload: { roleKind: 'liaison', title: '联络员', unitId: foreignUnit, personName: '某人', validFrom: '2024-01-01' },
    });
    expect(notMember.statusCode).toBe(422);
    expect(notMember.json<ErrorBody>().error).toMatchObject({ code: 'unit_not_member', field: 'unitId' });
    const unknown = await app.inject({
      method: 'POST',
      url: `/api/bodies/${body.id}/memberships/00000000-0000-4000-8000-000000000000/end`,
      headers,
      payload: { validTo: '2024-01-01' },
    });
    expect(unknown.statusCode).toBe(404);
  });

  it('gives roles through memberships; a liaison proposes changes of its own unit\'s records only', async () => {
    const { app, body, office, list } = await setup();
    const members = await list('?roleKind=member');
    const fazhan = members.find((m) => m.unitName === '省发展改革委');
    const caizheng = members.find((m) => m.unitName === '省财政厅');
    if (!fazhan?.unitId || !caizheng?.unitId) throw new Error('roster not imported');

    // The office records a liaison of 省发展改革委 who signs in with an account linked to the person.
    const started = await app.inject({
      method: 'POST',
      url: `/api/bodies/${body.id}/memberships`,
      headers: { cookie: office.cookie },
      payload: { roleKind: 'liaison', title: '联络员', unitId: fazhan.unitId, personName: '周九', position: '综合处处长', validFrom: '2023-03-01' },
    });
    expect(started.statusCode, started.body).toBe(201);
    const liaisonMembership = started.json<Membership>();
    const liaison = await personUser(t, liaisonMembership.personId ?? '');

    const detail = await app.inject({ method: 'GET', url: `/api/bodies/${body.id}`, headers: { cookie: liaison.cookie } });
    expect(detail.statusCode).toBe(200);
    expect(detail.json<{ myRoles: unknown[] }>().myRoles).toEqual([{ role: 'liaison', unitId: fazhan.unitId }]);

    // A liaison no longer changes memberships directly, not even its own unit's: it proposes
    // (membership-changes.test.ts), and the change waits for the charter's confirmation.
    const own = await app.inject({
      method: 'POST',
      url: `/api/bodies/${body.id}/memberships/${fazhan.id}/change`,
      headers: { cookie: liaison.cookie },
      payload: { date: '2024-03-01', personName: '吴十' },
    });
    expect(own.statusCode, own.body).toBe(403);
    const proposed = await app.inject({
      method: 'POST',
      url: `/api/bodies/${body.id}/membership-changes`,
      headers: { cookie: liaison.cookie },
      payload: { kind: 'handover', membershipId: fazhan.id, effectiveDate: '2099-03-01', personName: '吴十', reason: '工作变动' },
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    expect((await list('?roleKind=member')).find((m) => m.id === fazhan.id)?.validTo).toBeNull();
    const foreign = await app.inject({
      method: 'POST',
      url: `/api/bodies/${body.id}/memberships/${caizheng.id}/change`,
      headers: { cookie: liaison.cookie },
      payload: { date: '2024-03-01', personName: '吴十' },
    });
    expect(foreign.statusCode).toBe(403);
    const addForeign = await app.inject({
      method: 'POST',
      url: `/api/bodies/${body.id}/memberships`,
      headers: { cookie: liaison.cookie },
      payload: { roleKind: 'liaison', title: '联络员', unitId: caizheng.unitId, personName: '郑十一', validFrom: '2024-01-01' },
    });
    expect(addForeign.statusCode).toBe(403);
    const [convener] = await list('?roleKind=convener');
    const endConvener = await app.inject({
      method: 'POST',
      url: `/api/bodies/${body.id}/memberships/${convener?.id}/end`,
      headers: { cookie: liaison.cookie },
      payload: { validTo: '2024-01-01' },
    });
    expect(endConvener.statusCode).toBe(403);

    // The convener, through their membership, reads the body but cannot manage memberships.
    const convenerUser = await personUser(t, convener?.personId ?? '');
    const convenerView = await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/memberships?at=2024-01-01`, headers: { cookie: convenerUser.cookie } });
    expect(convenerView.statusCode).toBe(200);
    const convenerEdit = await app.inject({
      method: 'POST',
      url: `/api/bodies/${body.id}/memberships/${caizheng.id}/end`,
      headers: { cookie: convenerUser.cookie },
      payload: { validTo: '2024-06-01' },
    });
    expect(convenerEdit.statusCode).toBe(403);

    // A viewer reads; an outsider does not even see who the people are.
    const viewer = await bodyUser(t, body.id, 'viewer');
    expect((await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/people`, headers: { cookie: viewer.cookie } })).statusCode).toBe(200);
    const viewerEdit = await app.inject({
      method: 'POST',
      url: `/api/bodies/${body.id}/memberships/${caizheng.id}/end`,
      headers: { cookie: viewer.cookie },
      payload: { validTo: '2024-06-01' },
    });
    expect(viewerEdit.statusCode).toBe(403);
    const stranger = await outsider(t);
    const person = await app.inject({ method: 'GET', url: `/api/people/${convener?.personId}`, headers: { cookie: stranger.cookie } });
    expect(person.statusCode).toBe(404);
    const personForViewer = await app.inject({ method: 'GET', url: `/api/people/${convener?.personId}`, headers: { cookie: viewer.cookie } });
    expect(personForViewer.statusCode).toBe(200);
    expect(personForViewer.json<{ name: string; memberships: { bodyId: string; roleKind: string }[] }>()).toMatchObject({
      name: '张三',
      memberships: [{ bodyId: body.id, roleKind: 'convener' }],
    });
  });
});
