import { expect, it } from 'vitest';
import { describeDatabases } from './harness.ts';
import { bodyUser, DEFAULT_UNITS, foundingText, outsider, publishTestBody } from './factories/bodies.ts';
import type { RosterLine } from './factories/bodies.ts';

interface ErrorBody {
  error: { code: string; field?: string };
}
interface ListDiff {
  added: { key: string; item: unknown }[];
  removed: { key: string; item: unknown }[];
  changed: { key: string; fields: string[] }[];
}
interface Diff {
  unchanged: boolean;
  fields: { field: string; before: unknown; after: unknown }[];
  memberUnits: ListDiff;
  roles: ListDiff;
  groups: ListDiff;
  rules: ListDiff;
}
interface Membership {
  roleKind: string;
  title: string;
  personName: string | null;
  unitName: string | null;
  validFrom: string;
  validTo: string | null;
}

const ROSTER: RosterLine[] = [
  { title: '召集人', person: '张　三', position: '省人民政府副省长' },
  { title: '副召集人', person: '李四', position: '省商务厅厅长' },
  { title: '成员', person: '王五', position: '省发展改革委副主任' },
  { title: '成员', person: '赵六', position: '省财政厅副厅长' },
];

describeDatabases('charters', (t) => {
  it('previews an import without storing anything', async () => {
    const app = await t.app();
    const { cookie } = await outsider(t);
    const before = await t.sql<{ n: string }>('select count(*)::text as n from bodies');
    const { text, name } = foundingText({ roster: ROSTER });
    const res = await app.inject({ method: 'POST', url: '/api/charters/preview', headers: { cookie }, payload: { text } });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json<{ charter: { body: { name: string }; memberUnits: { name: string }[]; roles: { person: string | null }[] }; findings: unknown[]; textHash: string }>();
    expect(preview.charter.body.name).toBe(name);
    expect(preview.charter.memberUnits.map((u) => u.name)).toEqual(DEFAULT_UNITS);
    expect(preview.charter.roles.map((r) => r.person)).toEqual(['张三', '李四', '王五', '赵六']);
    expect(preview.textHash).toMatch(/^[0-9a-f]{64}$/);
    const after = await t.sql<{ n: string }>('select count(*)::text as n from bodies');
    expect(after).toEqual(before);

    const anonymous = await app.inject({ method: 'POST', url: '/api/charters/preview', payload: { text } });
    expect(anonymous.statusCode).toBe(401);
    const empty = await app.inject({ method: 'POST', url: '/api/charters/preview', headers: { cookie }, payload: { text: '\n\n' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json<ErrorBody>().error).toMatchObject({ code: 'charter_empty_input', field: 'text' });
  });

  it('re-importing the same text changes nothing; a changed text makes version 2 with its diff', async () => {
    const app = await t.app();
    const tag = foundingText().tag;
    const v1 = foundingText({ tag, roster: ROSTER });
    const body = await publishTestBody(t, { text: v1.text });
    const office = await bodyUser(t, body.id, 'office_staff');
    const headers = { cookie: office.cookie };
    const auditCount = async (): Promise<number> =>
      Number((await t.sql<{ n: string }>(`select count(*)::text as n from audit_log where entity_id = $1`, [body.id]))[0]?.n);

    const auditBefore = await auditCount();
    const same = await app.inject({ method: 'POST', url: `/api/bodies/${body.id}/charter-versions`, headers, payload: { text: `\ufeff${v1.text.replace(/\n/g, '\r\n')}  \n` } });
    expect(same.statusCode, same.body).toBe(200);
    expect(same.json<{ changed: boolean; version: { version: number } }>()).toMatchObject({ changed: false, version: { version: 1 } });
    expect(await auditCount()).toBe(auditBefore);

    // The new document: issued later, 省教育厅 leaves, 省科技厅 joins, a new convener.
    const v2 = foundingText({
      tag,
      issueDate: '2024年6月1日',
      units: ['省商务厅', '省发展改革委', '省财政厅', '省科技厅'],
      roster: [{ title: '召集人', person: '孙七', position: '省人民政府副省长' }, ...ROSTER.slice(1)],
    });
    const changed = await app.inject({ method: 'POST', url: `/api/bodies/${body.id}/charter-versions`, headers, payload: { text: v2.text } });
    expect(changed.statusCode, changed.body).toBe(201);
    const result = changed.json<{ changed: boolean; version: { version: number }; diff: Diff; effectiveDate: string }>();
    expect(result).toMatchObject({ changed: true, version: { version: 2 }, effectiveDate: '2024-06-01' });
    expect(result.diff.unchanged).toBe(false);
    expect(result.diff.memberUnits.added.map((a) => a.key)).toEqual(['省科技厅']);
    expect(result.diff.memberUnits.removed.map((a) => a.key)).toEqual(['省教育厅']);
    expect(result.diff.roles.added.map((a) => a.key)).toEqual(['convener|召集人|孙七']);
    expect(result.diff.roles.removed.map((a) => a.key)).toEqual(['convener|召集人|张三']);
    expect(result.diff.fields).toContainEqual({ field: 'foundingDocument.issueDate', before: '2023-03-01', after: '2024-06-01' });
    expect(await auditCount()).toBe(auditBefore + 1);

    const versions = await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/charter-versions`, headers });
    expect(versions.json<{ items: { version: number }[] }>().items.map((v) => v.version)).toEqual([1, 2]);
    const diff = await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/charter-versions/1/diff/2`, headers });
    expect(diff.statusCode).toBe(200);
    expect(diff.json<Diff>()).toEqual(result.diff);
    const reverse = await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/charter-versions/2/diff/1`, headers });
    expect(reverse.json<Diff>().memberUnits.added.map((a) => a.key)).toEqual(['省教育厅']);
    const detail = await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/charter-versions/2`, headers });
    expect(detail.json<{ originalText: string; diffFromPrevious: Diff }>()).toMatchObject({ originalText: v2.text, diffFromPrevious: result.diff });
    const missing = await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/charter-versions/1/diff/9`, headers });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<ErrorBody>().error.field).toBe('b');

    // Who was convener then, who is it now.
    const convenerOn = async (at: string): Promise<Membership[]> =>
      (await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/memberships?at=${at}&roleKind=convener`, headers })).json<{ items: Membership[] }>().items;
    expect((await convenerOn('2023-03-01')).map((m) => m.personName)).toEqual(['张三']);
    expect((await convenerOn('2024-05-31')).map((m) => m.personName)).toEqual(['张三']);
    expect((await convenerOn('2024-06-01')).map((m) => m.personName)).toEqual(['孙七']);
    expect(await convenerOn('2023-02-28')).toEqual([]);
    // Unchanged roles carry on without a break.
    const deputies = (await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/memberships?roleKind=deputy_convener`, headers })).json<{ items: Membership[] }>().items;
    expect(deputies).toMatchObject([{ personName: '李四', validFrom: '2023-03-01', validTo: null }]);

    const unitsOn = async (at: string): Promise<string[]> =>
      (await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/units?at=${at}`, headers })).json<{ items: { name: string }[] }>().items.map((u) => u.name);
    expect(await unitsOn('2024-01-01')).toEqual(DEFAULT_UNITS);
    expect(await unitsOn('2024-06-01')).toEqual(['省商务厅', '省发展改革委', '省财政厅', '省科技厅']);

    // Re-importing version 2's text again changes nothing.
    const again = await app.inject({ method: 'POST', url: `/api/bodies/${body.id}/charter-versions`, headers, payload: { text: v2.text } });
    expect(again.json<{ changed: boolean; version: { version: number } }>()).toMatchObject({ changed: false, version: { version: 2 } });
  });

  it('lets only the office (or the system administrator) re-import, and checks the input', async () => {
    const app = await t.app();
    const body = await publishTestBody(t);
    const viewer = await bodyUser(t, body.id, 'viewer');
    const refused = await app.inject({ method: 'POST', url: `/api/bodies/${body.id}/charter-versions`, headers: { cookie: viewer.cookie }, payload: { text: body.text } });
    expect(refused.statusCode).toBe(403);
    const byAdmin = await app.inject({ method: 'POST', url: `/api/bodies/${body.id}/charter-versions`, headers: { cookie: body.adminCookie }, payload: { text: body.text } });
    expect(byAdmin.statusCode).toBe(200);
    const badDate = await app.inject({
      method: 'POST',
      url: `/api/bodies/${body.id}/charter-versions`,
      headers: { cookie: body.adminCookie },
      payload: { text: body.text, effectiveDate: '2024-13-01' },
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json<ErrorBody>().error.field).toBe('effectiveDate');
    const unknownBody = await app.inject({
      method: 'POST',
      url: '/api/bodies/00000000-0000-4000-8000-000000000000/charter-versions',
      headers: { cookie: body.adminCookie },
      payload: { text: body.text },
    });
    expect(unknownBody.statusCode).toBe(404);
  });
});
