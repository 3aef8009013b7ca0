/**
 * Issue 15 point 5: the audit trail for people, through HTTP. The audit administrator finds the
 * sign-off of minutes by the signer's person name, the Chinese action name and a time range; the row
 * names the actor, the object and the change in Chinese; the export (CSV and XLSX) holds the same
 * rows with the Chinese names and is itself audited; nobody else may read, list names or export.
 * PGlite, and PostgreSQL when TEST_DATABASE_URL is set.
 */
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { AUDIT_EXPORT_COLUMNS } from '../../src/documents/audit-export.ts';
import { describeDatabases } from './harness.ts';
import { foundingText } from './factories/bodies.ts';
import type { RosterLine } from './factories/bodies.ts';
import { MeetingScenario } from './factories/meetings.ts';
import { parseCsv } from './csv-reader.ts';

const ROSTER: RosterLine[] = [
  { title: '召集人', person: '张三', position: '省人民政府副省长' },
  { title: '成员', person: '王五', position: '省发展改革委副主任' },
];

interface Name {
  zh: string;
  en: string;
}
interface TrailItem {
  seq: number;
  occurredAt: string;
  action: string;
  actorId: string | null;
  actorDisplayName: string | null;
  actorUsername: string | null;
  actorPersonName: string | null;
  entityType: string;
  entityId: string | null;
  actionName: Name;
  entityTypeName: Name;
  entityLabel: string | null;
  summary: Name;
}
interface TrailPage {
  items: TrailItem[];
  total: number;
  totalIsLowerBound: boolean;
  nextCursor: string | null;
}

const column = (header: string) => AUDIT_EXPORT_COLUMNS.findIndex((entry) => entry.header === header);


describeDatabases('audit trail for people', (t) => {
  /** A body whose convener 张三 (account display name 召集人账号) signs off the minutes of a held meeting. */
  async function signedOffMinutes() {
    const s = await MeetingScenario.publish(t, { text: foundingText({ roster: ROSTER }).text, now: new Date('2024-05-06T01:00:00Z') });
    const roster = await s.memberships('?at=2024-05-06');
    const convenerPost = roster.find((m) => m.roleKind === 'convener');
    if (!convenerPost?.personId) throw new Error('convener missing');
    const convener = await s.personUser(convenerPost.personId, '召集人账号');
    const meeting = await s.heldMeeting({ kind: 'plenary', title: '第一次全体会议', startsAt: '2024-05-20T02:00:00.000Z', presiderMembershipId: convenerPost.id });
    const draft = await s.draftMinutes(meeting.id, { proceedings: '会议听取了工作汇报。' });
    await s.moveClock(new Date('2024-05-21T03:00:00Z'));
    await s.signOff(convener, draft.id);
    await s.moveClock(new Date('2024-05-22T03:00:00Z'));
    return { s, convener, draft, meeting };
  }

  async function auditor() {
    const account = await t.createAccount({ systemRoles: ['audit_admin'] });
    return t.signIn(account);
  }

  async function get<T>(cookie: string, url: string): Promise<T> {
    const app = await t.app();
    const response = await app.inject({ method: 'GET', url, headers: { cookie } });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    return response.json<T>();
  }

  it('finds the sign-off by the person name and the Chinese action name in a time range, named for people, and exports it', async () => {
    const { s, convener, draft } = await signedOffMinutes();
    const cookie = await auditor();
    const catalogue = await get<{ actions: Array<{ code: string } & Name>; entityTypes: Array<{ code: string } & Name> }>(cookie, '/api/audit/catalogue');
    const signOff = catalogue.actions.find((entry) => entry.zh === '审定签发会议纪要');
    expect(signOff?.code).toBe('minutes.sign_off');
    expect(catalogue.entityTypes.find((entry) => entry.code === 'minutes')?.zh).toBe('会议纪要');

    const range = `from=${encodeURIComponent('2024-05-21T00:00:00+08:00')}&to=${encodeURIComponent('2024-05-21T23:59:59+08:00')}`;
    const query = `actor=${encodeURIComponent('张三')}&action=${signOff?.code ?? ''}&${range}`;
    const page = await get<TrailPage>(cookie, `/api/audit?${query}`);
    expect(page.total).toBe(1);
    expect(page.totalIsLowerBound).toBe(false);
    const [row] = page.items;
    expect(row).toMatchObject({
      action: 'minutes.sign_off',
      actorId: convener.account.id,
      actorDisplayName: '召集人账号',
      actorUsername: convener.account.username,
      actorPersonName: '张三',
      entityType: 'minutes',
      entityId: draft.id,
      actionName: { zh: '审定签发会议纪要', en: 'Sign off minutes' },
      entityTypeName: { zh: '会议纪要', en: 'Minutes' },
      entityLabel: draft.title,
    });
    expect(row?.summary.zh).toContain('状态：草稿 → 已审定签发');

    // The same search outside the time range, or by someone else's name, finds nothing.
    const before = `from=${encodeURIComponent('2024-05-22T00:00:00Z')}`;
    expect((await get<TrailPage>(cookie, `/api/audit?actor=${encodeURIComponent('张三')}&action=minutes.sign_off&${before}`)).items).toEqual([]);
    expect((await get<TrailPage>(cookie, `/api/audit?actor=${encodeURIComponent('王五')}&action=minutes.sign_off&${range}`)).items).toEqual([]);
    // By the account's display name too, and in part.
    expect((await get<TrailPage>(cookie, `/api/audit?actor=${encodeURIComponent('召集人')}&action=minutes.sign_off&${range}`)).items.map((i) => i.seq)).toEqual([row?.seq]);

    // Free text: the Chinese action name, the object's name; both the minutes and the meeting rows of the sign-off.
    const byName = await get<TrailPage>(cookie, `/api/audit?q=${encodeURIComponent('审定签发')}&${range}`);
    expect(byName.items.map((i) => i.action).sort()).toEqual(['meeting.minutes_signed_off', 'minutes.sign_off']);
    const byTitle = await get<TrailPage>(cookie, `/api/audit?q=${encodeURIComponent(draft.title)}&entityType=minutes`);
    expect(byTitle.items.map((i) => i.action)).toContain('minutes.sign_off');
    const meetingRow = byName.items.find((i) => i.action === 'meeting.minutes_signed_off');
    expect(meetingRow?.entityLabel).toBe('第一次全体会议');
    // A body and an account are named too.
    const published = await get<TrailPage>(cookie, `/api/audit?action=body.publish&entityId=${s.bodyId}`);
    expect(published.items[0]?.entityLabel).toBe(s.bodyName);
    const created = await get<TrailPage>(cookie, `/api/audit?action=account.create&entityId=${convener.account.id}`);
    expect(created.items[0]?.entityLabel).toBe(`召集人账号（${convener.account.username}）`);

    // What 张三 did that day: paged with a keyset cursor, then exported as CSV and XLSX, the same rows.
    const dayQuery = `actor=${encodeURIComponent('张三')}&from=${encodeURIComponent('2024-05-21T00:00:00Z')}&to=${encodeURIComponent('2024-05-21T23:59:59Z')}`;
    const all = await get<TrailPage>(cookie, `/api/audit?${dayQuery}&limit=200`);
    expect(all.items.length).toBeGreaterThanOrEqual(2);
    expect(all.total).toBe(all.items.length);
    const paged: number[] = [];
    let cursor: string | null = null;
    do {
      const page: TrailPage = await get<TrailPage>(cookie, `/api/audit?${dayQuery}&limit=1${cursor === null ? '' : `&cursor=${cursor}`}`);
      expect(page.total).toBe(all.total);
      paged.push(...page.items.map((i) => i.seq));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(paged).toEqual(all.items.map((i) => i.seq));

    const app = await t.app();
    const csv = await app.inject({ method: 'GET', url: `/api/audit/export?format=csv&${dayQuery}`, headers: { cookie } });
    expect(csv.statusCode).toBe(200);
    const records = parseCsv(csv.rawPayload.subarray(3).toString('utf8'));
    expect(records[0]).toEqual(AUDIT_EXPORT_COLUMNS.map((entry) => entry.header));
    expect(records.slice(1).map((record) => Number(record[0]))).toEqual(all.items.map((i) => i.seq));
    const signOffLine = records.find((record) => record[column('操作代码')] === 'minutes.sign_off');
    expect(signOffLine?.[column('操作')]).toBe('审定签发会议纪要');
    expect(signOffLine?.[column('操作人')]).toBe('召集人账号');
    expect(signOffLine?.[column('关联人员')]).toBe('张三');
    expect(signOffLine?.[column('对象类型')]).toBe('会议纪要');
    expect(signOffLine?.[column('对象')]).toBe(draft.title);
    expect(signOffLine?.[column('摘要')]).toContain('状态：草稿 → 已审定签发');
    expect(signOffLine?.[column('时间（北京时间）')]).toMatch(/^2024-05-21 11:00:00$/);

    const xlsx = await app.inject({ method: 'GET', url: `/api/audit/export?format=xlsx&${dayQuery}`, headers: { cookie } });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('审计记录');
    const seqs: number[] = [];
    const actions: string[] = [];
    sheet?.eachRow((row, number) => {
      if (number === 1) return;
      seqs.push(Number(row.getCell(1).value));
      actions.push(String(row.getCell(column('操作') + 1).value));
    });
    expect(seqs).toEqual(all.items.map((i) => i.seq));
    expect(actions).toContain('审定签发会议纪要');

    // Both exports are on record with their filter; reading the list again does not show them (other actor).
    const exports = await t.sql<{ after: { format: string; filter: { actor?: string } } }>(
      "SELECT after FROM audit_log WHERE action = 'audit.export' ORDER BY seq DESC LIMIT 2",
    );
    expect(exports.map((e) => e.after.format).sort()).toEqual(['csv', 'xlsx']);
    expect(exports.every((e) => e.after.filter.actor === '张三')).toBe(true);
  });

  it('refuses the trail, its names and its export to everyone but the audit administrator', async () => {
    const app = await t.app();
    const others: string[] = [];
    for (const systemRoles of [[], ['system_admin'], ['security_admin']] as const) {
      others.push(await t.signIn(await t.createAccount({ systemRoles: [...systemRoles] })));
    }
    for (const url of ['/api/audit?actor=%E5%BC%A0%E4%B8%89', '/api/audit/catalogue', '/api/audit/export?format=csv', '/api/audit/export?format=xlsx']) {
      for (const cookie of others) {
        const response = await app.inject({ method: 'GET', url, headers: { cookie } });
        expect(response.statusCode, url).toBe(403);
      }
      expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
  });
});
