import { describe, expect, it } from 'vitest';
import { describeDatabases } from './harness.ts';
import { bodyUser, foundingText, outsider, publishTestBody } from './factories/bodies.ts';

interface ErrorBody {
  error: { code: string; status: number; message: string; field?: string; details?: Record<string, unknown> };
}
interface BodySummary {
  id: string;
  name: string;
  kind: string;
  level: string | null;
  regionCode: string | null;
  regionName: string | null;
  status: string;
}

describeDatabases('bodies', (t) => {
  describe('publishing a founding document', () => {
    it('stores the body, charter version 1 with the original text, member units, office, and an audit row', async () => {
      const app = await t.app();
      const { text, name } = foundingText();
      const published = await publishTestBody(t, { text });
      expect(published.name).toBe(name);

      const detail = await app.inject({ method: 'GET', url: `/api/bodies/${published.id}`, headers: { cookie: published.adminCookie } });
      // The system administrator publishes but holds no role inside the body.
      expect(detail.statusCode).toBe(403);

      const office = await bodyUser(t, published.id, 'office_staff');
      const res = await app.inject({ method: 'GET', url: `/api/bodies/${published.id}`, headers: { cookie: office.cookie } });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json<{
        name: string;
        kind: string;
        level: string;
        regionCode: string;
        status: string;
        flags: { noSeal: boolean; noFormalDocuments: boolean };
        foundingDocument: { docNumber: string; issueDate: string };
        currentCharterVersion: { version: number; importedBy: string };
        memberUnits: { name: string; lead: boolean; validFrom: string }[];
        office: { hostUnitName: string } | null;
        myRoles: { role: string }[];
      }>();
      expect(body).toMatchObject({ name, kind: 'joint_meeting', level: 'provincial', regionCode: '440000', status: 'active' });
      expect(body.flags).toMatchObject({ noSeal: true, noFormalDocuments: true });
      expect(body.foundingDocument).toMatchObject({ docNumber: '粤办函〔2023〕7号', issueDate: '2023-03-01' });
      expect(body.currentCharterVersion).toMatchObject({ version: 1, importedBy: published.admin.id });
      expect(body.memberUnits.map((u) => u.name)).toEqual(['省商务厅', '省发展改革委', '省财政厅', '省教育厅']);
      expect(body.memberUnits.filter((u) => u.lead).map((u) => u.name)).toEqual(['省商务厅']);
      expect(body.memberUnits.every((u) => u.validFrom === '2023-03-01')).toBe(true);
      expect(body.office?.hostUnitName).toBe('省商务厅');
      expect(body.myRoles).toEqual([{ role: 'office_staff', unitId: null }]);

      const version = await app.inject({ method: 'GET', url: `/api/bodies/${published.id}/charter-versions/1`, headers: { cookie: office.cookie } });
      expect(version.statusCode).toBe(200);
      expect(version.json<{ originalText: string }>().originalText).toBe(text);

      const audit = await t.sql<{ action: string; actor_id: string }>(
        `select action, actor_id from audit_log where entity_type = 'body' and entity_id = $1`,
        [published.id],
      );
      expect(audit).toEqual([{ action: 'body.publish', actor_id: published.admin.id }]);
    });

    it('refuses the same text a second time (409) and names the body it created', async () => {
      const app = await t.app();
      const published = await publishTestBody(t);
      const again = await app.inject({ method: 'POST', url: '/api/bodies', headers: { cookie: published.adminCookie }, payload: { text: `${published.text}\n\n` } });
      expect(again.statusCode).toBe(409);
      const error = again.json<ErrorBody>().error;
      expect(error.code).toBe('body_already_published');
      expect(error.details?.bodyId).toBe(published.id);
    });

    it('applies corrections, and refuses bad ones naming the field', async () => {
      const app = await t.app();
      const admin = await t.createAccount({ systemRoles: ['system_admin'] });
      const cookie = await t.signIn(admin);
      const { text } = foundingText();
      const bad = await app.inject({
        method: 'POST',
        url: '/api/bodies',
        headers: { cookie },
        payload: { text, corrections: { body: { regionCode: '999999' } } },
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json<ErrorBody>().error).toMatchObject({ code: 'correction_unknown_region', field: 'corrections.body.regionCode' });

      const malformed = await app.inject({ method: 'POST', url: '/api/bodies', headers: { cookie }, payload: { text, corrections: { issueDate: '2023-02-30' } } });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json<ErrorBody>().error.field).toBe('corrections.issueDate');

      const ok = await app.inject({
        method: 'POST',
        url: '/api/bodies',
        headers: { cookie },
        payload: { text, corrections: { body: { regionCode: '440100' }, memberUnits: { add: [{ name: '省科技厅' }], remove: ['省教育厅'] } } },
      });
      expect(ok.statusCode, ok.body).toBe(201);
      const created = ok.json<{ body: BodySummary; findings: { code: string }[] }>();
      expect(created.body).toMatchObject({ regionCode: '440100', regionName: '广州市' });
      expect(created.findings.map((f) => f.code)).toContain('corrected');
      const office = await bodyUser(t, created.body.id, 'viewer');
      const units = await app.inject({ method: 'GET', url: `/api/bodies/${created.body.id}/units`, headers: { cookie: office.cookie } });
      expect(units.json<{ items: { name: string }[] }>().items.map((u) => u.name)).toEqual(['省商务厅', '省发展改革委', '省财政厅', '省科技厅']);
    });

    it('answers bad input with a 4xx naming the field, never a 500', async () => {
      const app = await t.app();
      const admin = await t.createAccount({ systemRoles: ['system_admin'] });
      const cookie = await t.signIn(admin);
      const cases: { payload: unknown; status: number; field?: string }[] = [
        { payload: {}, status: 400, field: 'text' },
        { payload: { text: '' }, status: 400, field: 'text' },
        { payload: { text: '　\n  \n' }, status: 400, field: 'text' },
        { payload: { text: 42 }, status: 400, field: 'text' },
        { payload: { text: 'abc\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000b\u000e\u000f' }, status: 400, field: 'text' },
        { payload: { text: 'x', corrections: { unknown: true } }, status: 400 },
        { payload: { text: 'x', corrections: { body: { kind: 'committee' } } }, status: 400, field: 'corrections.body.kind' },
      ];
      for (const c of cases) {
        const res = await app.inject({ method: 'POST', url: '/api/bodies', headers: { cookie }, payload: c.payload as object });
        expect(res.statusCode, JSON.stringify(c.payload)).toBe(c.status);
        if (c.field) expect(res.json<ErrorBody>().error.field, JSON.stringify(c.payload)).toBe(c.field);
      }
      const noName = await app.inject({ method: 'POST', url: '/api/bodies', headers: { cookie }, payload: { text: '这是一段没有机构名称的文字。' } });
      expect(noName.statusCode).toBeGreaterThanOrEqual(400);
      expect(noName.statusCode).toBeLessThan(500);

      const badId = await app.inject({ method: 'GET', url: '/api/bodies/not-an-id', headers: { cookie } });
      expect(badId.statusCode).toBe(400);
      expect(badId.json<ErrorBody>().error.field).toBe('bodyId');
    });

    it('lets only the system administrator publish', async () => {
      const app = await t.app();
      const { cookie } = await outsider(t);
      const res = await app.inject({ method: 'POST', url: '/api/bodies', headers: { cookie }, payload: { text: foundingText().text } });
      expect(res.statusCode).toBe(403);
      const anonymous = await app.inject({ method: 'POST', url: '/api/bodies', payload: { text: foundingText().text } });
      expect(anonymous.statusCode).toBe(401);
    });
  });

  describe('the list of bodies', () => {
    it('shows public summaries to any signed-in user, filters, searches and pages', async () => {
      const app = await t.app();
      const a = await publishTestBody(t);
      t.clock.advance(1000);
      const b = await publishTestBody(t, { admin: a.admin });
      t.clock.advance(1000);
      const c = await publishTestBody(t, { admin: a.admin });
      const { cookie } = await outsider(t);

      const all = await app.inject({ method: 'GET', url: '/api/bodies?limit=200', headers: { cookie } });
      expect(all.statusCode).toBe(200);
      const items = all.json<{ items: BodySummary[] }>().items;
      const ours = items.filter((i) => [a.id, b.id, c.id].includes(i.id));
      expect(ours.map((i) => i.id)).toEqual([c.id, b.id, a.id]);
      expect(Object.keys(ours[0] ?? {}).sort()).toEqual([
        'activity',
        'dissolvedOn',
        'id',
        'kind',
        'level',
        'memberUnitCount',
        'name',
        'regionCode',
        'regionName',
        'status',
        'sunsetDate',
      ]);
      // An outsider sees the public summary only: no meetings or decided items of the body.
      expect(ours.every((i) => (i as unknown as { activity: unknown }).activity === null)).toBe(true);

      const search = await app.inject({ method: 'GET', url: `/api/bodies?q=${encodeURIComponent(b.name.slice(3, 7))}`, headers: { cookie } });
      expect(search.json<{ items: BodySummary[] }>().items.map((i) => i.id)).toEqual([b.id]);

      const filtered = await app.inject({ method: 'GET', url: '/api/bodies?kind=joint_meeting&level=provincial&region=440000&status=active&limit=200', headers: { cookie } });
      expect(filtered.json<{ items: BodySummary[] }>().items.map((i) => i.id)).toEqual(expect.arrayContaining([a.id, b.id, c.id]));
      const none = await app.inject({ method: 'GET', url: '/api/bodies?kind=task_force&region=440000&level=county', headers: { cookie } });
      expect(none.json<{ items: BodySummary[] }>().items).toEqual([]);
      const otherRegion = await app.inject({ method: 'GET', url: '/api/bodies?region=450000&limit=200', headers: { cookie } });
      expect(otherRegion.json<{ items: BodySummary[] }>().items.some((i) => i.id === a.id)).toBe(false);

      const seen: string[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 100; page++) {
        const url: string = `/api/bodies?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const res = await app.inject({ method: 'GET', url, headers: { cookie } });
        expect(res.statusCode).toBe(200);
        const pageBody = res.json<{ items: BodySummary[]; nextCursor: string | null }>();
        expect(pageBody.items.length).toBeLessThanOrEqual(1);
        seen.push(...pageBody.items.map((i) => i.id));
        cursor = pageBody.nextCursor;
        if (cursor === null) break;
      }
      expect(seen).toEqual(items.map((i) => i.id));

      const badCursor = await app.inject({ method: 'GET', url: '/api/bodies?cursor=nonsense', headers: { cookie } });
      expect(badCursor.statusCode).toBe(400);
      expect(badCursor.json<ErrorBody>().error.field).toBe('cursor');
      const badKind = await app.inject({ method: 'GET', url: '/api/bodies?kind=club', headers: { cookie } });
      expect(badKind.statusCode).toBe(400);
      expect(badKind.json<ErrorBody>().error.field).toBe('kind');
    });

    it('keeps a body\'s internal records from users outside it', async () => {
      const app = await t.app();
      const body = await publishTestBody(t);
      const { cookie } = await outsider(t);
      for (const path of ['', '/units', '/memberships', '/people', '/groups', '/charter-versions', '/charter-versions/1', '/charter-versions/1/diff/1']) {
        const res = await app.inject({ method: 'GET', url: `/api/bodies/${body.id}${path}`, headers: { cookie } });
        expect(res.statusCode, path).toBe(403);
      }
      const anonymous = await app.inject({ method: 'GET', url: '/api/bodies' });
      expect(anonymous.statusCode).toBe(401);
    });
  });

  it('describes the routes in the OpenAPI document', async () => {
    const app = await t.app();
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const paths = Object.keys(res.json<{ paths: Record<string, unknown> }>().paths);
    for (const path of [
      '/api/charters/preview',
      '/api/bodies',
      '/api/bodies/{bodyId}',
      '/api/bodies/{bodyId}/charter-versions',
      '/api/bodies/{bodyId}/charter-versions/{a}/diff/{b}',
      '/api/units',
      '/api/units/{unitId}',
      '/api/people/{personId}',
      '/api/bodies/{bodyId}/memberships',
      '/api/bodies/{bodyId}/groups',
    ]) {
      expect(paths).toContain(path);
    }
  });
});
