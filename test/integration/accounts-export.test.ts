/**
 * Issue 15 points 2 and 4, through HTTP: the security administrator finds a person by name or by
 * unit, creates one, and creates an account linked to a person — the account then shows the
 * person and the body roles held through it; the accounts list is exported (XLSX, CSV) with the
 * list's filter, and the export is audited; the members tab learns from the charter who confirms a
 * change of each post. Nobody but the security administrator searches people or exports accounts.
 * PGlite, and PostgreSQL when TEST_DATABASE_URL is set.
 */
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeDatabases } from './harness.ts';
import { bodyUser, foundingText, publishTestBody } from './factories/bodies.ts';
import type { RosterLine } from './factories/bodies.ts';

interface Candidate {
  id: string;
  name: string;
  memberships: { bodyId: string; roleKind: string; title: string; unitName: string | null; validTo: string | null }[];
  accounts: { id: string; username: string }[];
}
interface AccountDto {
  id: string;
  username: string;
  personId: string | null;
  person: { id: string; name: string; roles: { bodyId: string; bodyName: string; roleKind: string; title: string; unitName: string | null }[] } | null;
}

describeDatabases('people and accounts for the security administrator', (t) => {
  async function setup() {
    // Names as a roster writes them (Chinese, two to three characters), unique enough for one suite.
    const chars = '赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜';
    const pick = () => chars[Math.floor(Math.random() * chars.length)] ?? '赵';
    const tag = `${pick()}${pick()}`;
    const roster: RosterLine[] = [
      { title: '召集人', person: `甲${tag}`, position: '省人民政府副省长' },
      { title: '成员', person: `乙${tag}`, position: '省发展改革委副主任' },
    ];
    const body = await publishTestBody(t, { text: foundingText({ roster }).text });
    const security = await t.createAccount({ systemRoles: ['security_admin'] });
    const cookie = await t.signIn(security);
    const app = await t.app();
    const call = async <T>(method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, status = 200): Promise<T> => {
      const response = await app.inject({ method, url, headers: { cookie }, ...(payload === undefined ? {} : { payload: payload as object }) });
      expect(response.statusCode, response.body.slice(0, 400)).toBe(status);
      return response.json<T>();
    };
    return { tag, body, cookie, app, call };
  }

  it('finds people by name or unit, creates one, and links an account that then shows its roles', async () => {
    const { tag, body, call } = await setup();
    const byName = await call<{ items: Candidate[] }>('GET', `/api/people?search=${encodeURIComponent(`甲${tag}`)}`);
    expect(byName.items.map((p) => p.name)).toEqual([`甲${tag}`]);
    const convener = byName.items[0] as Candidate;
    expect(convener.memberships).toMatchObject([{ bodyId: body.id, roleKind: 'convener', validTo: null }]);
    expect(convener.accounts).toEqual([]);

    const byUnit = await call<{ items: Candidate[] }>('GET', `/api/people?search=${encodeURIComponent('发展改革委')}&limit=200`);
    expect(byUnit.items.map((p) => p.name)).toContain(`乙${tag}`);
    expect(byUnit.items.map((p) => p.name)).not.toContain(`甲${tag}`);

    const created = await call<{ account: AccountDto; oneTimePassword: string | null }>(
      'POST',
      '/api/accounts',
      { username: `conv.${Date.now().toString(36)}`, displayName: `甲${tag}`, personId: convener.id },
      201,
    );
    expect(created.oneTimePassword).not.toBeNull();
    expect(created.account.person).toMatchObject({ id: convener.id, name: `甲${tag}`, roles: [{ bodyId: body.id, bodyName: body.name, roleKind: 'convener' }] });
    const again = await call<{ items: Candidate[] }>('GET', `/api/people?search=${encodeURIComponent(`甲${tag}`)}`);
    expect(again.items[0]?.accounts.map((a) => a.id)).toEqual([created.account.id]);

    // A person made before any body names them, linked and unlinked.
    const fresh = await call<Candidate>('POST', '/api/people', { name: ` 丙${tag} ` }, 201);
    expect(fresh).toMatchObject({ name: `丙${tag}`, memberships: [], accounts: [] });
    const plain = await t.createAccount();
    const linked = await call<AccountDto>('PUT', `/api/accounts/${plain.id}/person`, { personId: fresh.id });
    expect(linked.person).toEqual({ id: fresh.id, name: `丙${tag}`, roles: [] });
    const unlinked = await call<AccountDto>('PUT', `/api/accounts/${plain.id}/person`, { personId: null });
    expect(unlinked).toMatchObject({ personId: null, person: null });

    // An administrator account is never linked to a person who holds a post (三员分立).
    const auditor = await t.createAccount({ systemRoles: ['audit_admin'] });
    const refused = await call<{ error: { code: string } }>('PUT', `/api/accounts/${auditor.id}/person`, { personId: convener.id }, 403);
    expect(refused.error.code).toBe('administrator_business_role');
  });

  it('exports what the filter shows as XLSX and CSV, audited; only the security administrator may', async () => {
    const { tag, body, app, cookie, call } = await setup();
    const [person] = (await call<{ items: Candidate[] }>('GET', `/api/people?search=${encodeURIComponent(`乙${tag}`)}`)).items;
    const username = `exp.${Date.now().toString(36)}`;
    await call('POST', '/api/accounts', { username, displayName: `导出${tag}`, personId: person?.id ?? null }, 201);
    await t.createAccount({ displayName: '不在筛选内' });

    const xlsx = await app.inject({ method: 'GET', url: `/api/accounts/export?search=${encodeURIComponent(`导出${tag}`)}`, headers: { cookie } });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(String(xlsx.headers['content-disposition'])).toContain('filename*=UTF-8');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('账号');
    const rows: string[][] = [];
    sheet?.eachRow((row) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell) => cells.push(cell.text));
      rows.push(cells);
    });
    expect(rows[0]?.slice(0, 5)).toEqual(['账号', '姓名', '系统角色', '关联人员', '机构职务（经关联人员）']);
    expect(rows.slice(1).map((row) => row[0])).toEqual([username]);
    expect(rows[1]?.[3]).toBe(`乙${tag}`);
    expect(rows[1]?.[4]).toContain(`${body.name}·成员`);

    const csv = await app.inject({ method: 'GET', url: `/api/accounts/export?format=csv&search=${encodeURIComponent(`导出${tag}`)}`, headers: { cookie } });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.startsWith('\uFEFF账号,姓名,')).toBe(true);
    expect(csv.body.trim().split('\r\n')).toHaveLength(2);

    const audited = await t.sql<{ after: { format: string; count: number } }>(
      "select after from audit_log where action = 'account.export' order by seq desc limit 2",
    );
    expect(audited.map((row) => [row.after.format, row.after.count])).toEqual([
      ['csv', 1],
      ['xlsx', 1],
    ]);

    const office = await bodyUser(t, body.id, 'office_staff');
    for (const url of ['/api/accounts/export', '/api/people?search=x']) {
      const response = await app.inject({ method: 'GET', url, headers: { cookie: office.cookie } });
      expect(response.statusCode, url).toBe(403);
    }
  });

  it('tells the members tab who confirms a change of each post by the charter', async () => {
    const { body } = await setup();
    const office = await bodyUser(t, body.id, 'office_staff');
    const app = await t.app();
    const response = await app.inject({ method: 'GET', url: `/api/bodies/${body.id}/membership-changes/rules`, headers: { cookie: office.cookie } });
    expect(response.statusCode, response.body).toBe(200);
    const rules = response.json<{ items: { roleKind: string; confirmer: string; officeRecordsDirectly: boolean; basis: { kind: string } }[] }>().items;
    // The synthetic charter says nothing of changes: the office confirms, by default.
    expect(rules.map((r) => [r.roleKind, r.confirmer, r.officeRecordsDirectly, r.basis.kind])).toEqual([
      ['convener', 'office', true, 'default'],
      ['deputy_convener', 'office', true, 'default'],
      ['member', 'office', true, 'default'],
      ['liaison', 'office', true, 'default'],
    ]);
  });
});
