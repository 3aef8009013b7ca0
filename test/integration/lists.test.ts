/**
 * Lists as offices expect them (issue 15 point 4, issue 16 keyset pagination): the registry and a
 * body's decided items sorted on the server by each key in both directions, paged by keyset with no
 * duplicate and no gap (pages of 2 equal one page of everything), filtered, with their totals, and
 * exported to XLSX holding exactly the filtered rows in the list's order.
 */
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeDatabases } from './harness.ts';
import type { TestContext } from './harness.ts';
import { foundingText, publishTestBody, uniqueTag } from './factories/bodies.ts';
import { decisionBody, issueDecisions } from './factories/decisions.ts';
import { updateBody } from '../../src/repositories/body-repository.ts';
import { updateDecision } from '../../src/repositories/decision-repository.ts';
import { BODY_SORT_KEYS } from '../../src/contracts/bodies.ts';
import type { BodySummaryResponse } from '../../src/contracts/bodies.ts';
import { DECISION_SORT_KEYS } from '../../src/contracts/decisions.ts';
import type { DecisionItemResponse } from '../../src/contracts/decisions.ts';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

const at = (iso: string) => new Date(`${iso}T09:00:00+08:00`);

async function get<T>(t: TestContext, cookie: string, url: string): Promise<T> {
  const app = await t.app();
  const res = await app.inject({ method: 'GET', url, headers: { cookie } });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res.json<T>();
}

/** Every page of a list from `base` (which holds its query), following nextCursor. */
async function allPages<T extends { id: string }>(t: TestContext, cookie: string, base: string, limit: number): Promise<{ items: T[]; totals: number[] }> {
  const items: T[] = [];
  const totals: number[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i += 1) {
    const page: Page<T> = await get<Page<T>>(t, cookie, `${base}&limit=${limit}${cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`}`);
    items.push(...page.items);
    totals.push(page.total);
    if (page.nextCursor === null) return { items, totals };
    expect(page.items).toHaveLength(limit);
    cursor = page.nextCursor;
  }
  throw new Error('too many pages');
}

/** The first sheet's rows below the header, as text. */
async function sheetRows(t: TestContext, cookie: string, url: string): Promise<{ header: string[]; rows: string[][] }> {
  const app = await t.app();
  const res = await app.inject({ method: 'GET', url, headers: { cookie } });
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  expect(String(res.headers['content-disposition'])).toContain('.xlsx');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0];
  if (sheet === undefined) throw new Error('no sheet');
  const all: string[][] = [];
  sheet.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)));
    all.push(values);
  });
  return { header: all[0] ?? [], rows: all.slice(1) };
}

const KIND_RANK = ['joint_meeting', 'task_force', 'coordination_group', 'leading_group', 'command', 'other'];
const LEVEL_RANK = ['national', 'provincial', 'municipal', 'county'];
const STATUS_RANK = ['active', 'dissolved'];

/** The registry's order as the contract describes it, computed here (names differ only by ASCII letters). */
function registryExpected(bodies: BodySummaryResponse[], created: Map<string, number>, sort: string, order: 'asc' | 'desc'): string[] {
  const sign = order === 'asc' ? 1 : -1;
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  const key = (b: BodySummaryResponse): string | number | null => {
    switch (sort) {
      case 'kind':
        return KIND_RANK.indexOf(b.kind);
      case 'level':
        return b.level === null ? null : LEVEL_RANK.indexOf(b.level);
      case 'status':
        return STATUS_RANK.indexOf(b.status);
      case 'region':
        return b.regionCode;
      case 'sunset':
        return b.sunsetDate;
      default:
        return null;
    }
  };
  return [...bodies]
    .sort((a, b) => {
      if (sort === 'created') return sign * cmp(created.get(a.id) ?? 0, created.get(b.id) ?? 0) || sign * cmp(a.id, b.id);
      if (sort === 'name') return sign * cmp(a.name, b.name) || sign * cmp(a.id, b.id);
      const ka = key(a);
      const kb = key(b);
      if (ka === null || kb === null) {
        if (ka !== kb) return ka === null ? 1 : -1;
      } else {
        const c = cmp(ka, kb);
        if (c !== 0) return sign * c;
      }
      return cmp(a.name, b.name) || cmp(a.id, b.id);
    })
    .map((b) => b.id);
}

describeDatabases('lists: sort, keyset pages, filters, totals, XLSX export', (t) => {
  it('the registry: every sort key in both directions pages without duplicates or gaps; filters, totals and the export', async () => {
    t.clock.set(at('2026-03-02'));
    const tag = uniqueTag();
    const letters = ['c', 'a', 'e', 'b', 'd'];
    const first = await publishTestBody(t, { text: foundingText({ tag: `${tag}${letters[0]}` }).text });
    const ids = [first.id];
    let cookie = first.adminCookie;
    for (const letter of letters.slice(1)) {
      t.clock.set(new Date(t.clock.now().getTime() + 60_000));
      // Each publish signs the administrator in again (the latest session is the one to use)
      const next = await publishTestBody(t, { text: foundingText({ tag: `${tag}${letter}` }).text, admin: first.admin });
      ids.push(next.id);
      cookie = next.adminCookie;
    }
    // Different kinds, levels, sunset dates (some none) and one dissolved body
    const kinds = ['task_force', 'joint_meeting', 'leading_group', 'task_force', 'command'] as const;
    const levels = ['provincial', null, 'county', 'national', 'provincial'] as const;
    const sunsets = ['2027-01-01', null, '2026-12-31', null, '2027-01-01'] as const;
    for (const [i, id] of ids.entries()) {
      await updateBody(t.db, id, {
        kind: kinds[i],
        level: levels[i] ?? null,
        sunsetDate: sunsets[i] ?? null,
        ...(i === 2 ? { status: 'dissolved', dissolvedOn: '2026-03-01' } : {}),
        updatedAt: t.clock.now(),
      });
    }
    const created = new Map(ids.map((id, i) => [id, i]));
    const q = `q=${encodeURIComponent(tag)}`;
    const everything = await get<Page<BodySummaryResponse>>(t, cookie, `/api/bodies?${q}&limit=50`);
    expect(everything.total).toBe(5);
    expect(everything.items.map((b) => b.id)).toEqual([...ids].reverse());

    for (const sort of BODY_SORT_KEYS) {
      for (const order of ['asc', 'desc'] as const) {
        const base = `/api/bodies?${q}&sort=${sort}&order=${order}`;
        const paged = await allPages<BodySummaryResponse>(t, cookie, base, 2);
        const ordered = paged.items.map((b) => b.id);
        expect(new Set(ordered).size, `${sort} ${order}: no duplicate`).toBe(ordered.length);
        expect(ordered, `${sort} ${order}`).toEqual(registryExpected(everything.items, created, sort, order));
        expect(paged.totals.every((n) => n === 5)).toBe(true);
        const onePage = await get<Page<BodySummaryResponse>>(t, cookie, `${base}&limit=50`);
        expect(onePage.items.map((b) => b.id)).toEqual(ordered);
      }
    }

    const tasks = await get<Page<BodySummaryResponse>>(t, cookie, `/api/bodies?${q}&kind=task_force&limit=1`);
    expect(tasks.total).toBe(2);
    expect(tasks.items).toHaveLength(1);
    expect((await get<Page<BodySummaryResponse>>(t, cookie, `/api/bodies?${q}&status=dissolved`)).items.map((b) => b.id)).toEqual([ids[2]]);
    expect((await get<Page<BodySummaryResponse>>(t, cookie, `/api/bodies?${q}&level=provincial`)).total).toBe(2);

    // A cursor of another order is refused, not misread
    const byName = await get<Page<BodySummaryResponse>>(t, cookie, `/api/bodies?${q}&sort=name&limit=2`);
    const app = await t.app();
    const wrong = await app.inject({ method: 'GET', url: `/api/bodies?${q}&sort=kind&limit=2&cursor=${byName.nextCursor ?? ''}`, headers: { cookie } });
    expect(wrong.statusCode).toBe(400);
    // A tampered cursor (its key not of the column's type) is a 400 naming the cursor, not a database error
    const tampered = Buffer.from(JSON.stringify({ s: 'created.desc', k: JSON.stringify(['2026-02-30 25:00:00+00', 'x']) })).toString('base64url');
    const refused = await app.inject({ method: 'GET', url: `/api/bodies?cursor=${tampered}`, headers: { cookie } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ error: { code: string; field: string } }>().error).toMatchObject({ code: 'invalid_cursor', field: 'cursor' });

    // The export holds exactly the filtered rows, in the list's order
    const sheet = await sheetRows(t, cookie, `/api/bodies/export?${q}&level=provincial&sort=name&order=desc`);
    expect(sheet.header.slice(0, 3)).toEqual(['名称', '类型', '层级']);
    const expected = (await get<Page<BodySummaryResponse>>(t, cookie, `/api/bodies?${q}&level=provincial&sort=name&order=desc`)).items;
    expect(sheet.rows.map((row) => row[0])).toEqual(expected.map((b) => b.name));
    expect(sheet.rows.every((row) => row[2] === '省级')).toBe(true);
    const allRows = await sheetRows(t, cookie, `/api/bodies/export?${q}`);
    expect(allRows.rows).toHaveLength(5);
  }, 120_000);

  it("a body's decided items: sorts, keyset pages, filters (status, lead unit, overdue, text), totals and the filtered export", async () => {
    t.clock.set(at('2026-04-01'));
    const body = await decisionBody(t);
    const [a, b, c] = body.units;
    if (!a || !b || !c) throw new Error('units');
    const deadlines = ['2026-03-20', '2026-05-10', '2026-03-20', '2026-06-30', '2026-04-15', '2026-03-25', '2026-05-10', '2026-07-01'];
    const leads = [a, b, c, a, b, c, a, b];
    const first = await issueDecisions(t, {
      bodyId: body.id,
      issuedOn: '2026-03-02',
      items: deadlines.slice(0, 5).map((deadline, i) => ({
        text: `事项${i}：${i % 2 === 0 ? '制定方案' : '报送情况'}`,
        leadUnitId: (leads[i] ?? a).unitId,
        coUnitIds: [],
        deadline: { kind: 'date' as const, date: deadline },
      })),
    });
    const second = await issueDecisions(t, {
      bodyId: body.id,
      issuedOn: '2026-03-09',
      items: deadlines.slice(5).map((deadline, i) => ({
        text: `事项${i + 5}：${(i + 5) % 2 === 0 ? '制定方案' : '报送情况'}`,
        leadUnitId: (leads[i + 5] ?? a).unitId,
        coUnitIds: i === 0 ? [a.unitId] : [],
        deadline: { kind: 'date' as const, date: deadline },
      })),
    });
    const ids = [...first.decisionIds, ...second.decisionIds];
    // One closed (past its deadline: not overdue then), one in progress
    await updateDecision(t.db, ids[0] ?? '', { status: 'closed', closedAt: t.clock.now(), updatedAt: t.clock.now() });
    await updateDecision(t.db, ids[3] ?? '', { status: 'in_progress', updatedAt: t.clock.now() });
    const cookie = body.office.cookie;
    const base = `/api/bodies/${body.id}/decisions`;

    const everything = await get<Page<DecisionItemResponse>>(t, cookie, `${base}?limit=200`);
    expect(everything.total).toBe(8);
    expect(everything.items.map((d) => d.deadline)).toEqual([...everything.items.map((d) => d.deadline)].sort());

    for (const sort of DECISION_SORT_KEYS) {
      for (const order of ['asc', 'desc'] as const) {
        const url = `${base}?sort=${sort}&order=${order}`;
        const paged = await allPages<DecisionItemResponse>(t, cookie, url, 3);
        const ordered = paged.items.map((d) => d.id);
        expect(new Set(ordered).size).toBe(8);
        expect(paged.totals.every((n) => n === 8)).toBe(true);
        expect((await get<Page<DecisionItemResponse>>(t, cookie, `${url}&limit=200`)).items.map((d) => d.id), `${sort} ${order}`).toEqual(ordered);
        const values = paged.items.map((d) =>
          sort === 'deadline' ? d.deadline : sort === 'issuedOn' ? d.issuedOn : sort === 'leadUnit' ? d.leadUnit.name : ['assigned', 'in_progress', 'completion_reported', 'closed'].indexOf(d.status),
        );
        const sorted = [...values].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
        expect(values, `${sort} ${order}`).toEqual(order === 'asc' ? sorted : sorted.reverse());
      }
    }

    // Filters with their totals
    const overdue = await get<Page<DecisionItemResponse>>(t, cookie, `${base}?overdue=true`);
    expect(overdue.items.map((d) => d.id).sort()).toEqual([ids[2], ids[5]].sort());
    expect(overdue.total).toBe(2);
    expect(overdue.items.every((d) => d.overdue)).toBe(true);
    const notOverdue = await get<Page<DecisionItemResponse>>(t, cookie, `${base}?overdue=false`);
    expect(notOverdue.total).toBe(5);
    expect(notOverdue.items.every((d) => !d.overdue && d.status !== 'closed')).toBe(true);
    const ofLead = await get<Page<DecisionItemResponse>>(t, cookie, `${base}?leadUnitId=${a.unitId}`);
    expect(ofLead.items.map((d) => d.id).sort()).toEqual([ids[0], ids[3], ids[6]].sort());
    const ofUnit = await get<Page<DecisionItemResponse>>(t, cookie, `${base}?unitId=${a.unitId}`);
    expect(ofUnit.total).toBe(4);
    expect((await get<Page<DecisionItemResponse>>(t, cookie, `${base}?status=in_progress`)).items.map((d) => d.id)).toEqual([ids[3]]);
    const text = await get<Page<DecisionItemResponse>>(t, cookie, `${base}?q=${encodeURIComponent('报送')}`);
    expect(text.total).toBe(4);
    expect(text.items.every((d) => d.text.includes('报送'))).toBe(true);
    // Filters combine with the keyset
    const combined = await allPages<DecisionItemResponse>(t, cookie, `${base}?q=${encodeURIComponent('方案')}&sort=leadUnit&order=desc`, 1);
    expect(combined.items).toHaveLength(4);
    expect(combined.totals.every((n) => n === 4)).toBe(true);

    const badDate = Buffer.from(JSON.stringify({ s: 'deadline.asc', k: JSON.stringify(['2026-13-45', '2026-01-01', '1', 'x']) })).toString('base64url');
    const app0 = await t.app();
    expect((await app0.inject({ method: 'GET', url: `${base}?cursor=${badDate}`, headers: { cookie } })).statusCode).toBe(400);

    // The filtered export: the rows of the list, same order, the table's columns
    const filter = `sort=deadline&order=desc&overdue=false`;
    const sheet = await sheetRows(t, cookie, `${base}/export?${filter}`);
    expect(sheet.header).toEqual(['序号', '事项', '主办单位', '协办单位', '交办日期', '办理时限', '剩余 / 逾期', '状态', '督办阶段']);
    const shown = (await get<Page<DecisionItemResponse>>(t, cookie, `${base}?${filter}&limit=200`)).items;
    expect(sheet.rows.map((row) => row[1])).toEqual(shown.map((d) => d.text));
    expect(sheet.rows.map((row) => row[5])).toEqual(shown.map((d) => d.deadline));
    expect(sheet.rows.map((row) => row[2])).toEqual(shown.map((d) => d.leadUnit.name));
    const overdueSheet = await sheetRows(t, cookie, `${base}/export?overdue=true`);
    expect(overdueSheet.rows).toHaveLength(2);
    expect(overdueSheet.rows.every((row) => (row[6] ?? '').startsWith('逾期'))).toBe(true);

    // Outside the body: neither the list nor its export
    const app = await t.app();
    const stranger = await t.signIn(await t.createAccount());
    expect((await app.inject({ method: 'GET', url: `${base}/export`, headers: { cookie: stranger } })).statusCode).toBe(403);
  }, 120_000);
});
