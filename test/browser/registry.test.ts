/**
 * The bodies registry and status circulars in a real browser: the office staff sees each body's
 * member units, last meeting, open and overdue decided items (overdue in red) and sunset countdown;
 * an account without a role in the body sees '—' instead of its activity; the office staff issues a
 * circular (督办通报) and opens it, and the inbox link /bodies/:id/circulars/:id opens it too.
 * The decided items are assigned on minutes written straight to the database (the test-only path of
 * test/integration/factories/decisions.ts; the role-days test runs the HTTP flow). No console errors;
 * screenshots under test-results/.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { meetings, minutes } from '../../src/db/schema/meetings.ts';
import { assignDecidedItems } from '../../src/services/decisions/assign-decided-items.ts';
import { chromiumAvailable, harnessToday, RESULTS_DIR, startHarness, unlabelledFields } from './harness.ts';
import type { Harness } from './harness.ts';
import { pageSession, visible } from './steps.ts';

const available = chromiumAvailable();
const OVERDUE_ITEM = '浏览器测试：逾期未办的议定事项';
const OPEN_ITEM = '浏览器测试：按期办理中的议定事项';

/** `isoDate` moved by `days` calendar days. */
function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * Signs in through the API as the office staff and reads the first example body that lists member
 * units, with its first member unit. (The examples are published at one instant, so the list's order
 * among them is by id: not every one of them lists member units.)
 */
async function firstBody(harness: Harness): Promise<{ id: string; name: string; unitId: string }> {
  const signedIn = await fetch(`${harness.baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: harness.staff.username, password: harness.staff.password }),
  });
  const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const list = (await (await fetch(`${harness.baseUrl}/api/bodies?limit=50`, { headers: { cookie } })).json()) as { items: { id: string; name: string }[] };
  if (list.items.length === 0) throw new Error('no example body');
  for (const body of list.items) {
    const detail = (await (await fetch(`${harness.baseUrl}/api/bodies/${body.id}`, { headers: { cookie } })).json()) as { memberUnits: { unitId: string }[] };
    const unit = detail.memberUnits[0];
    if (unit !== undefined) return { id: body.id, name: body.name, unitId: unit.unitId };
  }
  throw new Error('no example body has a member unit');
}

describe.skipIf(!available)('the bodies registry and circulars in Chromium', { timeout: 90_000 }, () => {
  let harness: Harness;
  let body: { id: string; name: string; unitId: string };
  let meetingDay = '';

  beforeAll(async () => {
    harness = await startHarness();
    body = await firstBody(harness);
    const today = harnessToday(harness);
    meetingDay = addDays(today, -60);
    const db = harness.server.database.handle.db;
    const at = harness.clock.now();
    await db.transaction(async (tx) => {
      const meetingId = randomUUID();
      const minutesId = randomUUID();
      await tx.insert(meetings).values({
        id: meetingId,
        bodyId: body.id,
        kind: 'plenary',
        kindName: '全体会议',
        title: '浏览器测试全体会议',
        startsAt: new Date(`${meetingDay}T09:00:00+08:00`),
        status: 'minutes_issued',
        createdAt: at,
        updatedAt: at,
      });
      await tx.insert(minutes).values({
        id: minutesId,
        meetingId,
        bodyId: body.id,
        status: 'issued',
        title: '浏览器测试会议纪要',
        proceedings: '会议研究了有关事项。',
        year: Number(meetingDay.slice(0, 4)),
        number: 901,
        issuedOn: meetingDay,
        issuedAt: at,
        createdAt: at,
        updatedAt: at,
      });
      await assignDecidedItems(tx, {
        bodyId: body.id,
        meetingId,
        minutesId,
        issuedOn: meetingDay,
        items: [
          { text: OVERDUE_ITEM, leadUnitId: body.unitId, coUnitIds: [], deadline: { kind: 'date', date: addDays(today, -30) } },
          { text: OPEN_ITEM, leadUnitId: body.unitId, coUnitIds: [], deadline: { kind: 'date', date: addDays(today, 60) } },
        ],
        origin: { actorId: null, requestId: null, clientAddress: 'browser-test', at },
      });
    });
  }, 180_000);

  const { signedIn } = pageSession(() => harness);

  it('shows the office staff members, last meeting, open and overdue items and the sunset countdown', async () => {
    const tracked = await signedIn('registry-office', harness.staff.username, harness.staff.password);
    const { page } = tracked;
    await page.goto('/bodies');
    await visible(page.getByRole('heading', { name: '议事协调机构', level: 1 }));
    for (const header of ['类型', '层级', '地区', '状态', '成员单位', '最近会议', '未办结', '逾期', '撤销倒计时']) {
      await visible(page.getByRole('columnheader', { name: header, exact: true }));
    }
    const row = page.locator('tr', { has: page.getByRole('link', { name: body.name, exact: true }) });
    await visible(row);
    await visible(row.getByText(meetingDay, { exact: true }));
    await visible(row.getByRole('cell', { name: '2', exact: true }));
    const overdue = row.getByTestId('overdue-count');
    await visible(overdue);
    expect(await overdue.innerText()).toBe('1');
    expect(await overdue.getAttribute('class')).toContain('ant-typography-danger');
    await visible(row.getByText(/^\d+ 个$/));
    // Every body the office staff works in shows its activity: no '—' in the open-items column.
    const openCells = await page.locator('tbody tr.ant-table-row td:nth-child(8)').allInnerTexts();
    expect(openCells.length).toBeGreaterThan(1);
    expect(openCells.every((text) => /^\d+$/.test(text.trim()))).toBe(true);
    expect(await unlabelledFields(page)).toEqual([]);
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('registry-office');
  });

  it('sorts the registry by a column on the server, changes the page size and exports what the filters show', async () => {
    const tracked = await signedIn('registry-sort-export', harness.staff.username, harness.staff.password);
    const { page } = tracked;
    await page.goto('/bodies');
    await visible(page.getByTestId('registry-total'));
    expect(await page.getByTestId('registry-total').innerText()).toMatch(/^共 \d+ 项$/);
    const names = page.locator('tbody tr.ant-table-row td:first-child a');
    await visible(names);
    await page.getByRole('columnheader', { name: '机构名称' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('name');
    await page.getByRole('columnheader', { name: '机构名称' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('order')).toBe('desc');
    await expect.poll(async () => {
      const shown = (await names.allInnerTexts()).map((name) => name.trim());
      return shown.length > 1 && shown.every((name, i) => i === 0 || (shown[i - 1] ?? '') >= name);
    }).toBe(true);
    await page.getByRole('combobox', { name: '每页条数' }).click();
    await page.getByTitle('10 条/页').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('size')).toBe('10');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('registry-export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    expect(download.url()).toContain('sort=name');
    expect(download.url()).toContain('order=desc');
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('registry-sort-export');
  });

  it('shows no activity of bodies to an account without a role in them', async () => {
    const tracked = await signedIn('registry-no-role', harness.security.username, harness.security.password);
    const { page } = tracked;
    await page.goto('/bodies');
    const row = page.locator('tr', { has: page.getByRole('link', { name: body.name, exact: true }) });
    await visible(row);
    await visible(row.getByText(/^\d+ 个$/));
    expect(await row.locator('td:nth-child(8)').innerText()).toBe('—');
    expect(await row.locator('td:nth-child(9)').innerText()).toBe('—');
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('registry-no-role');
  });

  it('lets the office staff issue a circular, open it, and reach it from the inbox link', async () => {
    const tracked = await signedIn('circular-office', harness.staff.username, harness.staff.password);
    const { page } = tracked;
    await page.goto(`/bodies/${body.id}?tab=decisions&view=circulars`);
    await visible(page.getByText('暂无督办通报'));
    await page.getByRole('button', { name: '生成通报' }).click();
    await page.getByRole('button', { name: /^确\s*定$/ }).click();
    const detail = page.getByTestId('circular-detail');
    await visible(detail);
    const year = Number(harnessToday(harness).slice(0, 4));
    await visible(page.getByText(`督办通报 · ${year} 年第 1 期`));
    await visible(detail.getByText(OVERDUE_ITEM));
    await visible(detail.getByText(OPEN_ITEM));
    await visible(detail.getByText(/^逾期 \d+ 个工作日$/));
    await visible(detail.getByText(/^剩 \d+ 个工作日$/));
    await visible(detail.getByText(/未办结事项 2 项，其中逾期 1 项/));
    const circularId = new URL(page.url()).searchParams.get('circular');
    expect(circularId).toMatch(/\S/);
    await page.screenshot({ path: path.join(RESULTS_DIR, 'circular-detail.png'), fullPage: true });
    // Closed, the list shows the new circular; the inbox link opens it again.
    await page.keyboard.press('Escape');
    await visible(page.getByTestId('circular-link').filter({ hasText: `${year} 年第 1 期` }));
    await page.goto(`/bodies/${body.id}/circulars/${circularId ?? ''}`);
    await visible(page.getByTestId('circular-detail').getByText(OVERDUE_ITEM));
    expect(new URL(page.url()).searchParams.get('view')).toBe('circulars');
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('circular-office');
  });

  it('shows the office staff the notification settings of the body', async () => {
    const tracked = await signedIn('notification-settings', harness.staff.username, harness.staff.password);
    const { page } = tracked;
    await page.goto(`/bodies/${body.id}?tab=settings`);
    await visible(page.getByText('提醒与 Webhook'));
    await visible(page.getByText('没有投递失败的通知'));
    await page.getByLabel('Webhook 地址').fill('not a url');
    await page.getByRole('button', { name: '保存设置' }).click();
    await visible(page.getByText('不是有效的网址'));
    await page.getByLabel('Webhook 地址').fill('https://example.org/hook');
    await page.getByRole('button', { name: '生成新的签名密钥' }).click();
    const confirm = page.locator('.ant-popconfirm').getByRole('button', { name: /^确\s*定$/ });
    await visible(confirm);
    await confirm.click();
    await visible(page.getByTestId('new-secret'));
    await visible(page.getByText('签名密钥已设置'));
    await page.getByRole('button', { name: '保存设置' }).click();
    await visible(page.getByText('设置已保存'));
    expect(await unlabelledFields(page)).toEqual([]);
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('notification-settings');
  });

  it('lets the office staff dissolve a body after confirming, and the registry shows it dissolved', async () => {
    const tracked = await signedIn('body-dissolve', harness.staff.username, harness.staff.password);
    const { page } = tracked;
    await page.goto('/bodies');
    const links = page.locator('tbody tr.ant-table-row td:first-child a');
    await visible(links);
    const names = await links.allInnerTexts();
    const target = names.find((name) => name !== body.name);
    if (target === undefined) throw new Error('only one example body');
    await page.getByRole('link', { name: target, exact: true }).click();
    await visible(page.getByRole('heading', { name: target, level: 1 }));
    await page.getByRole('button', { name: /撤\s*销/ }).click();
    const dialog = page.getByRole('dialog');
    await visible(dialog.getByText('撤销议事协调机构'));
    // The reason is required before anything is sent.
    await dialog.getByRole('button', { name: '确认撤销' }).click();
    await visible(dialog.getByText('请填写撤销依据或理由'));
    await dialog.getByLabel('撤销依据或理由').fill('浏览器测试：工作任务已完成，予以撤销');
    await dialog.getByRole('button', { name: '确认撤销' }).click();
    await visible(page.getByText('机构已撤销'));
    await visible(page.getByText('已撤销', { exact: true }));
    const today = harnessToday(harness);
    await visible(page.getByText(`${today} 撤销`));
    await page.goto(`/bodies?status=dissolved`);
    const row = page.locator('tr', { has: page.getByRole('link', { name: target, exact: true }) });
    await visible(row.getByText(`${today} 撤销`));
    await expect.poll(() => page.locator('.ant-spin-spinning').count(), { timeout: 15_000 }).toBe(0);
    expect(tracked.problems()).toEqual([]);
    await tracked.finish('body-dissolve');
  });
});
