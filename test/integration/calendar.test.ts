/**
 * The working-day calendar through HTTP (issue 4): working-day arithmetic for any signed-in user,
 * holiday notices previewed and applied by the system administrator (audited, idempotent,
 * superseding with history), the year view per region and the coverage warning. Runs on PGlite and
 * PostgreSQL.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { restoreBackupFile, writeBackupFile } from '../../src/services/backup-service.ts';
import { NATIONAL_ACCEPTANCE } from '../domain/calendar/acceptance-cases.ts';
import { loadBodyCalendar, loadRegionCalendar } from '../../src/services/calendar/region-calendar.ts';
import { foundingText } from './factories/bodies.ts';
import { describeDatabases } from './harness.ts';

/**
 * A 2027 national notice of the published shape. Written for the test (the real 2027 notice is not
 * at hand); only its shape and the 元旦 days matter here.
 */
const NOTICE_2027 = `国务院办公厅关于2027年部分节假日安排的通知
国办发明电〔2026〕9号
各省、自治区、直辖市人民政府，国务院各部委、各直属机构：
经国务院批准，现将2027年元旦、春节、清明节、劳动节、端午节、中秋节和国庆节放假调休日期的具体安排通知如下。
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历除夕、周五）至2月12日（农历正月初七、周五）放假调休，共8天。2月20日（周六）上班。
三、清明节：4月3日（周六）至5日（周一）放假，共3天。
四、劳动节：5月1日（周六）至5日（周三）放假调休，共5天。4月25日（周日）上班。
五、端午节：6月9日（周三）放假1天，不调休。
六、中秋节：9月15日（周三）放假1天，不调休。
七、国庆节：10月1日（周五）至7日（周四）放假调休，共7天。9月26日（周日）、10月9日（周六）上班。
国务院办公厅
2026年11月10日`;

/** The same notice reposted with a corrected 端午节 line: a different text for the same scope and year. */
const NOTICE_2027_REVISED = NOTICE_2027.replace('五、端午节：6月9日（周三）放假1天，不调休。', '五、端午节：6月9日（周三）至11日（周五）放假，共3天。');

/** 广西's 2026 三月三 notice, of the shape the region publishes (written for the test). */
const GUANGXI_2026 = `广西壮族自治区人民政府办公厅关于2026年“壮族三月三”放假的通知
各市、县人民政府，自治区人民政府各组成部门、各直属机构：
根据《广西壮族自治区少数民族习惯节日放假办法》，现将2026年“壮族三月三”放假安排通知如下：
4月19日（周日）至20日（周一）放假，共2天。
广西壮族自治区人民政府办公厅
2026年3月20日`;

type Json = Record<string, unknown>;

describeDatabases('working-day calendar API', (t) => {
  async function adminCookie(): Promise<string> {
    return t.signIn(await t.createAccount({ systemRoles: ['system_admin'] }));
  }
  async function userCookie(): Promise<string> {
    return t.signIn(await t.createAccount());
  }
  async function get(url: string, cookie: string | undefined): Promise<{ status: number; json: Json }> {
    const response = await (await t.app()).inject({ method: 'GET', url, headers: cookie === undefined ? {} : { cookie } });
    return { status: response.statusCode, json: response.json<Json>() };
  }
  async function post(url: string, cookie: string, payload: object): Promise<{ status: number; json: Json }> {
    const response = await (await t.app()).inject({ method: 'POST', url, headers: { cookie }, payload });
    return { status: response.statusCode, json: response.json<Json>() };
  }
  async function countRows(table: 'calendar_notices' | 'audit_log', where = 'true'): Promise<number> {
    const rows = await t.sql<{ n: string | number }>(`select count(*) as n from ${table} where ${where}`);
    return Number(rows[0]?.n ?? 0);
  }

  it('answers the acceptance values nationally for any signed-in user, and refuses the anonymous', async () => {
    const cookie = await userCookie();
    for (const [start, n, expected] of NATIONAL_ACCEPTANCE) {
      const { status, json } = await get(`/api/calendar/add-working-days?start=${start}&workingDays=${n}`, cookie);
      expect(status, JSON.stringify(json)).toBe(200);
      expect(json, `${start} + ${n}`).toMatchObject({ start, workingDays: n, result: expected, provisional: false, regionCode: null });
      const back = await get(`/api/calendar/working-days-between?from=${start}&to=${expected}`, cookie);
      expect(back.json).toMatchObject({ workingDays: n, provisional: false });
    }
    expect((await get('/api/calendar/add-working-days?start=2026-09-28&workingDays=7', undefined)).status).toBe(401);
  });

  it('counts 2026-04-16 + 7 in 桂林 (450300) with 广西’s 三月三, provisionally', async () => {
    const cookie = await userCookie();
    const guilin = await get('/api/calendar/add-working-days?start=2026-04-16&workingDays=7&region=450300', cookie);
    expect(guilin.json).toMatchObject({ result: '2026-04-28', provisional: true, regionCode: '450300' });
    expect((guilin.json.reasons as string[]).join()).toContain('三月三');
    const national = await get('/api/calendar/add-working-days?start=2026-04-16&workingDays=7', cookie);
    expect(national.json).toMatchObject({ result: '2026-04-27', provisional: false });
    const between = await get('/api/calendar/working-days-between?from=2026-04-16&to=2026-04-28&region=450300', cookie);
    expect(between.json).toMatchObject({ workingDays: 7, provisional: true });
  });

  it('refuses bad input with 400 naming the field', async () => {
    const cookie = await userCookie();
    const badDate = await get('/api/calendar/add-working-days?start=2026-02-30&workingDays=7', cookie);
    expect(badDate.status).toBe(400);
    expect((badDate.json.error as Json).field).toContain('start');
    const badCount = await get('/api/calendar/add-working-days?start=2026-02-03&workingDays=abc', cookie);
    expect(badCount.status).toBe(400);
    expect((badCount.json.error as Json).field).toContain('workingDays');
    const badRegion = await get('/api/calendar/add-working-days?start=2026-02-03&workingDays=3&region=999999', cookie);
    expect(badRegion.status).toBe(400);
    expect(badRegion.json.error).toMatchObject({ code: 'unknown_region', field: 'region' });
    const badTo = await get('/api/calendar/working-days-between?from=2026-02-03&to=2026-13-01', cookie);
    expect(badTo.status).toBe(400);
    expect((badTo.json.error as Json).field).toContain('to');
    const badYear = await get('/api/calendar/years/12', cookie);
    expect(badYear.status).toBe(400);
    expect((badYear.json.error as Json).field).toContain('year');
  });

  it('warns administrators from 1 November until next year’s national calendar is loaded; others are refused', async () => {
    t.clock.set(new Date('2026-11-15T02:00:00Z'));
    const admin = await adminCookie();
    const coverage = await get('/api/calendar/coverage', admin);
    expect(coverage.status).toBe(200);
    expect(coverage.json).toMatchObject({ today: '2026-11-15', warning: { code: 'next_year_not_loaded' }, nationalYears: { first: 2004, last: 2026 } });
    expect((await get('/api/calendar/coverage?today=2026-10-31', admin)).json).toMatchObject({ warning: null });
    expect((await get('/api/calendar/coverage', await userCookie())).status).toBe(403);
  });

  it('previews a notice for review and stores nothing; only the system administrator may', async () => {
    const admin = await adminCookie();
    const noticesBefore = await countRows('calendar_notices');
    const auditBefore = await countRows('audit_log');
    const preview = await post('/api/calendar/notices/preview', admin, { text: NOTICE_2027 });
    expect(preview.status, JSON.stringify(preview.json)).toBe(200);
    expect(preview.json).toMatchObject({ canApply: true, scope: 'national', scopeName: '全国', current: null, unchanged: false });
    const parsed = preview.json.parsed as Json;
    expect(parsed).toMatchObject({ ok: true, year: 2027, title: '国务院办公厅关于2027年部分节假日安排的通知', docNumber: '国办发明电〔2026〕9号' });
    expect(parsed.holidays).toEqual(expect.arrayContaining(['2027-01-01', '2027-01-02', '2027-01-03', '2027-02-05', '2027-10-07']));
    expect(parsed.makeUpWorkingDays).toEqual(['2027-02-20', '2027-04-25', '2027-09-26', '2027-10-09']);
    expect(await countRows('calendar_notices')).toBe(noticesBefore);
    expect(await countRows('audit_log')).toBe(auditBefore);

    const user = await userCookie();
    expect((await post('/api/calendar/notices/preview', user, { text: NOTICE_2027 })).status).toBe(403);
    expect((await post('/api/calendar/notices', user, { text: NOTICE_2027 })).status).toBe(403);
    expect(await countRows('calendar_notices')).toBe(noticesBefore);
  });

  it('flags more than 6 consecutive working days in the preview', async () => {
    const admin = await adminCookie();
    const text = NOTICE_2027.replace('9月26日（周日）、10月9日（周六）上班。', '9月25日（周六）、9月26日（周日）上班。');
    const preview = await post('/api/calendar/notices/preview', admin, { text });
    expect(preview.json.canApply).toBe(true);
    expect(preview.json.checks).toEqual([expect.objectContaining({ code: 'too_many_consecutive_working_days' })]);
  });

  it('refuses unreadable or empty notices with a 4xx naming what is wrong', async () => {
    const admin = await adminCookie();
    const before = await countRows('calendar_notices');
    const garbage = await post('/api/calendar/notices', admin, { text: '今天天气很好，没有任何日期。' });
    expect(garbage.status).toBe(422);
    expect(garbage.json.error).toMatchObject({ code: 'notice_unreadable', field: 'text' });
    expect((garbage.json.error as Json).message).toContain('年份');
    const preview = await post('/api/calendar/notices/preview', admin, { text: '今天天气很好，没有任何日期。' });
    expect(preview.status).toBe(200);
    expect(preview.json).toMatchObject({ canApply: false, parsed: { ok: false, findings: [expect.objectContaining({ code: 'no_year' })] } });
    const empty = await post('/api/calendar/notices', admin, { text: '' });
    expect(empty.status).toBe(400);
    expect((empty.json.error as Json).field).toContain('text');
    const badScope = await post('/api/calendar/notices', admin, { text: NOTICE_2027, scope: '999999' });
    expect(badScope.status).toBe(400);
    expect(badScope.json.error).toMatchObject({ code: 'unknown_region', field: 'scope' });
    expect(await countRows('calendar_notices')).toBe(before);
  });

  it('applies a 2027 notice, audited: 2026-12-25 + 7 is no longer provisional; the same text again changes nothing', async () => {
    const admin = await adminCookie();
    const user = await userCookie();
    const beforeApply = await get('/api/calendar/add-working-days?start=2026-12-25&workingDays=7', user);
    // 元旦 (1 January) is a fixed-date statutory holiday, known before the notice; only swaps and bridges are provisional.
    expect(beforeApply.json).toMatchObject({ result: '2027-01-06', provisional: true });
    expect((beforeApply.json.reasons as string[]).join()).toContain('2027');

    const auditBefore = await countRows('audit_log', `action = 'calendar.notice_apply'`);
    const applied = await post('/api/calendar/notices', admin, { text: NOTICE_2027 });
    expect(applied.status, JSON.stringify(applied.json)).toBe(201);
    expect(applied.json).toMatchObject({ changed: true, superseded: null, notice: { scope: 'national', year: 2027, docNumber: '国办发明电〔2026〕9号' } });
    const noticeId = (applied.json.notice as Json).id as string;
    const audit = await t.sql<{ actor_id: string; entity_id: string }>(`select actor_id, entity_id from audit_log where action = 'calendar.notice_apply' order by seq desc limit 1`);
    expect(await countRows('audit_log', `action = 'calendar.notice_apply'`)).toBe(auditBefore + 1);
    expect(audit[0]?.entity_id).toBe(noticeId);
    const stored = await t.sql<{ original_text: string; loaded_by: string }>(`select original_text, loaded_by from calendar_notices where id = $1`, [noticeId]);
    expect(stored[0]?.original_text).toBe(NOTICE_2027);
    expect(stored[0]?.loaded_by).toBe(audit[0]?.actor_id);

    const afterApply = await get('/api/calendar/add-working-days?start=2026-12-25&workingDays=7', user);
    expect(afterApply.json).toMatchObject({ result: '2027-01-06', provisional: false, reasons: [] });

    const again = await post('/api/calendar/notices', admin, { text: NOTICE_2027 });
    expect(again.status).toBe(200);
    expect(again.json).toMatchObject({ changed: false, notice: { id: noticeId } });
    expect(await countRows('audit_log', `action = 'calendar.notice_apply'`)).toBe(auditBefore + 1);
    const preview = await post('/api/calendar/notices/preview', admin, { text: NOTICE_2027 });
    expect(preview.json).toMatchObject({ unchanged: true, current: { id: noticeId } });

    const coverage = await get('/api/calendar/coverage', admin);
    expect(coverage.json).toMatchObject({ warning: null, nationalYears: { last: 2027 } });
  });

  it('a newer notice for the same scope and year supersedes the old one and keeps it as history', async () => {
    const admin = await adminCookie();
    const revised = await post('/api/calendar/notices', admin, { text: NOTICE_2027_REVISED });
    expect(revised.status).toBe(201);
    const superseded = revised.json.superseded as Json;
    expect(superseded).toMatchObject({ year: 2027, scope: 'national', supersededBy: (revised.json.notice as Json).id });
    const list = await get('/api/calendar/notices?scope=national&year=2027', await userCookie());
    expect(list.status).toBe(200);
    const items = list.json.items as Json[];
    expect(items).toHaveLength(2);
    expect(items.filter((item) => item.supersededAt === null)).toEqual([expect.objectContaining({ id: (revised.json.notice as Json).id })]);
    const day = await get('/api/calendar/add-working-days?start=2027-06-08&workingDays=1', await userCookie());
    expect(day.json).toMatchObject({ result: '2027-06-14', provisional: false });
  });

  it('shows the year view of 桂林 with 三月三 from the rule until 广西’s notice is loaded, then from the notice', async () => {
    const user = await userCookie();
    const before = await get('/api/calendar/years/2026?region=450300', user);
    expect(before.status).toBe(200);
    expect(before.json).toMatchObject({ year: 2026, regionCode: '450300', regionName: '桂林市', nationallyCovered: true, national: { kind: 'snapshot' } });
    const days = before.json.days as Json[];
    expect(days).toHaveLength(365);
    const april20 = days.find((day) => day.date === '2026-04-20');
    expect(april20).toMatchObject({ kind: 'regional_holiday', isWorkingDay: false, festival: '壮族三月三', provisional: true, source: { scope: '450000', kind: 'rule' } });
    expect(days.find((day) => day.date === '2026-10-01')).toMatchObject({ kind: 'holiday', provisional: false, source: { scope: 'national', kind: 'snapshot' } });
    expect(days.find((day) => day.date === '2026-04-18')).toMatchObject({ kind: 'weekend', weekend: true });

    const admin = await adminCookie();
    const preview = await post('/api/calendar/notices/preview', admin, { text: GUANGXI_2026 });
    expect(preview.json).toMatchObject({ canApply: true, scope: '450000' });
    const applied = await post('/api/calendar/notices', admin, { text: GUANGXI_2026 });
    expect(applied.status, JSON.stringify(applied.json)).toBe(201);

    const after = await get('/api/calendar/years/2026?region=450300', user);
    const april20After = (after.json.days as Json[]).find((day) => day.date === '2026-04-20');
    expect(april20After).toMatchObject({ kind: 'regional_holiday', provisional: false, source: { scope: '450000', kind: 'notice' } });
    expect(after.json.regionalNotices).toEqual([expect.objectContaining({ scope: '450000', kind: 'notice' })]);
    const guilin = await get('/api/calendar/add-working-days?start=2026-04-16&workingDays=7&region=450300', user);
    expect(guilin.json).toMatchObject({ result: '2026-04-28', provisional: false });
    // The nation is untouched by a regional notice.
    expect((await get('/api/calendar/add-working-days?start=2026-04-16&workingDays=7', user)).json).toMatchObject({ result: '2026-04-27' });

    const national2027 = await get('/api/calendar/years/2027', user);
    expect((national2027.json.days as Json[]).find((day) => day.date === '2027-01-01')).toMatchObject({
      kind: 'holiday',
      provisional: false,
      source: { scope: 'national', kind: 'notice' },
    });
  });

  it('gives a body the calendar of its charter’s region, walking up the hierarchy (service)', async () => {
    const admin = await adminCookie();
    const published = await post('/api/bodies', admin, { text: foundingText().text, corrections: { body: { regionCode: '450300' } } });
    expect(published.status, JSON.stringify(published.json)).toBe(201);
    const guilinBody = (published.json.body as { id: string; regionCode: string | null });
    expect(guilinBody.regionCode).toBe('450300');
    const bodyCalendar = await loadBodyCalendar(t.db, { bodyId: guilinBody.id });
    expect(bodyCalendar.regionCode).toBe('450300');
    expect(bodyCalendar.addWorkingDays('2026-04-16', 7)).toMatchObject({ result: '2026-04-28' });
    expect(bodyCalendar.isWorkingDay('2026-04-20')).toMatchObject({ isWorkingDay: false, kind: 'regional_holiday' });
    expect(bodyCalendar.workingDaysBetween('2026-04-16', '2026-04-28')).toMatchObject({ workingDays: 7 });

    const national = await loadRegionCalendar(t.db, { regionCode: null });
    expect(national.addWorkingDays('2026-04-16', 7).result).toBe('2026-04-27');
    expect(() => national.addWorkingDays('2026-02-30', 1)).toThrow(expect.objectContaining({ code: 'invalid_calendar_input', field: 'start' }));
    await expect(loadRegionCalendar(t.db, { regionCode: '999999' })).rejects.toMatchObject({ code: 'unknown_region', status: 400 });
    await expect(loadBodyCalendar(t.db, { bodyId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ status: 404, field: 'bodyId' });

    await t.sql(`update bodies set region_code = '123456' where id = $1`, [guilinBody.id]);
    const unknown = await loadBodyCalendar(t.db, { bodyId: guilinBody.id });
    expect(unknown.regionCode).toBeNull();
    expect(unknown.addWorkingDays('2026-09-28', 7)).toMatchObject({ result: '2026-10-13', provisional: true });
  });

  it('backs up and restores the notices with their history (superseded rows name later ones)', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'lianxi-calendar-backup-'));
    const file = path.join(dir, 'backup.json.gz');
    const original = await writeBackupFile(t.handle, { file, now: t.clock.now() });
    const notices = original.tables.find((table) => table.name === 'calendar_notices');
    expect(notices?.rowCount).toBeGreaterThanOrEqual(3);
    const target = await openDatabase({ kind: 'pglite' });
    try {
      await restoreBackupFile(target, { file });
      const rows = await target.rawTransaction((sql) =>
        sql.query<{ scope: string; year: number; superseded_by: string | null }>('select scope, year, superseded_by from calendar_notices order by loaded_at'),
      );
      expect(rows).toHaveLength(notices?.rowCount ?? -1);
      expect(rows.filter((row) => row.superseded_by !== null)).toHaveLength(1);
      const restored = await loadRegionCalendar(target.db, { regionCode: '450300' });
      expect(restored.addWorkingDays('2026-12-25', 7)).toMatchObject({ result: '2027-01-06', provisional: false });
    } finally {
      await target.close();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
