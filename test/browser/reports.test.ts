/**
 * Information reports (信息报送) in a real browser: the body's charter says nothing about them, so the
 * page says the feature is off; the office turns it on with a default it chooses (one a month per
 * member unit); a unit's liaison submits a report and sees its monthly tally met; the office sees the
 * unit met in the compliance view with the 12-month heat map (ECharts). No API call by the test
 * besides the harness's account setup; no console errors; screenshots under test-results/.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, harnessToday, startHarness } from './harness.ts';
import type { Harness } from './harness.ts';
import { pageSession, visible } from './steps.ts';

const available = chromiumAvailable();
const TITLE = '浏览器测试：本月开展服务贸易调研';
const LIAISON_PASSWORD = 'Qz7#vLp2$Rt9-wXn';

/** A JSON client with a session cookie (setup only). */
function client(baseUrl: string) {
  let cookie = '';
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(cookie === '' ? {} : { cookie }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie !== null) cookie = setCookie.split(';')[0] ?? '';
    const json = (await response.json()) as T;
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(json)}`);
    return json;
  };
}

interface Liaison {
  username: string;
  password: string;
  bodyId: string;
  unitName: string;
}

/**
 * Setup through the API: the office records a liaison for the first member unit of the example body
 * named `bodyName`; the security administrator creates the person's account; its one-time password
 * is changed.
 */
async function createLiaison(harness: Harness, bodyName: string, username: string): Promise<Liaison> {
  const today = harnessToday(harness);
  const staff = client(harness.baseUrl);
  await staff('POST', '/api/auth/sign-in', { username: harness.staff.username, password: harness.staff.password });
  const bodies = await staff<{ items: { id: string }[] }>('GET', `/api/bodies?limit=20&q=${encodeURIComponent(bodyName)}`);
  const bodyId = bodies.items[0]?.id;
  if (bodyId === undefined) throw new Error(`no body ${bodyName}`);
  const unit = (await staff<{ items: { unitId: string; name: string }[] }>('GET', `/api/bodies/${bodyId}/units?at=${today}`)).items[0];
  if (unit === undefined) throw new Error('no member unit');
  const membership = await staff<{ personId: string }>('POST', `/api/bodies/${bodyId}/memberships`, { roleKind: 'liaison', title: '联络员', unitId: unit.unitId, personName: '报送联络员', validFrom: today });
  const security = client(harness.baseUrl);
  await security('POST', '/api/auth/sign-in', { username: harness.security.username, password: harness.security.password });
  const created = await security<{ oneTimePassword: string | null }>('POST', '/api/accounts', { username, displayName: '报送联络员', personId: membership.personId });
  if (created.oneTimePassword === null) throw new Error('no one-time password');
  const user = client(harness.baseUrl);
  await user('POST', '/api/auth/sign-in', { username, password: created.oneTimePassword });
  await user('POST', '/api/auth/change-password', { currentPassword: created.oneTimePassword, newPassword: LIAISON_PASSWORD });
  return { username, password: LIAISON_PASSWORD, bodyId, unitName: unit.name };
}

describe.skipIf(!available)('information reports in Chromium', { timeout: 180_000 }, () => {
  let harness: Harness;
  let liaison: Liaison;

  beforeAll(async () => {
    harness = await startHarness();
    liaison = await createLiaison(harness, '服务贸易', 'reports.liaison');
  }, 180_000);

  const { signedIn } = pageSession(() => harness);

  it('the office enables reports where the charter is silent; a liaison submits one and sees its monthly tally; the office sees it met', async () => {
    const reportsPath = `/bodies/${liaison.bodyId}/reports`;
    const unitName = liaison.unitName;

    // The office: the charter says nothing — off until the office chooses a default
    const office = await signedIn('reports-office-enable', harness.staff.username, harness.staff.password);
    let page = office.page;
    await page.goto(reportsPath);
    await visible(page.getByRole('heading', { name: '信息报送与年度工作', level: 1 }));
    await page.getByRole('tab', { name: '报送设置' }).click();
    const pane = page.getByRole('tabpanel');
    await visible(pane.getByText('本机构制度未规定信息报送，办公室尚未启用。启用前不能报送，也不统计。'));
    await page.getByLabel('启用信息报送（制度未规定时）').click();
    await page.getByRole('button', { name: '保存设置' }).click();
    await visible(pane.getByText('本机构制度未规定信息报送，办公室选定的默认规则：各成员单位每月报送工作信息不少于1篇'));
    expect(office.problems()).toEqual([]);
    await office.finish('reports-office-enable');

    // The liaison: its unit's tally this month, then a report
    const unit = await signedIn('reports-liaison-submit', liaison.username, liaison.password);
    page = unit.page;
    await page.goto(reportsPath);
    await visible(page.getByRole('tab', { name: '本单位报送' }));
    const tally = page.getByTestId('report-tally-line');
    await visible(tally);
    expect(await tally.innerText()).toBe(`${unitName}：本期应报 1 篇，已报 0 篇`);
    await visible(page.getByTestId('report-tally').getByText('未完成'));
    // An empty text is refused on the form, in Chinese
    await page.getByLabel('信息标题').fill(TITLE);
    await page.getByRole('button', { name: '报送信息' }).click();
    await visible(page.getByText('信息正文不能为空'));
    await page.getByLabel('信息正文').fill('本月赴三家企业调研服务贸易便利化情况，形成问题清单一份。');
    await page.locator('#report-attachment').setInputFiles({ name: '调研清单.txt', mimeType: 'text/plain', buffer: Buffer.from('问题清单') });
    await page.getByRole('button', { name: '报送信息' }).click();
    await visible(page.getByText('信息已报送'));
    await expect.poll(() => tally.innerText(), { timeout: 15_000 }).toBe(`${unitName}：本期应报 1 篇，已报 1 篇`);
    await visible(page.getByTestId('report-tally').getByText('已完成'));
    await visible(page.locator('tr').filter({ hasText: TITLE }).getByText('已报送'));
    expect(unit.problems()).toEqual([]);
    await unit.finish('reports-liaison-submit');

    // The office: the unit is met this month; the heat map is drawn
    const review = await signedIn('reports-office-compliance', harness.staff.username, harness.staff.password);
    page = review.page;
    await page.goto(reportsPath);
    await page.getByRole('tab', { name: '完成情况' }).click();
    const row = page.getByTestId('report-compliance').locator('tr').filter({ hasText: unitName });
    await visible(row.getByText('已完成'));
    await visible(page.getByTestId('report-heatmap').locator('canvas'));
    await page.getByRole('tab', { name: '收到的信息' }).click();
    const received = page.locator('tr').filter({ hasText: TITLE });
    await received.getByRole('button', { name: /采\s*编/ }).click();
    await visible(received.getByText('已采编'));
    expect(review.problems()).toEqual([]);
    await review.finish('reports-office-compliance');
  });
});
